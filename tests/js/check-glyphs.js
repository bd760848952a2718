// Loads SVG files in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core)
// and checks that every character of every <text> is drawn with a real glyph, not the
// last-resort box ("tofu") or nothing: each character is drawn on a canvas in the text's own
// computed font (family stack, size, weight; the SVG's embedded @font-face fonts included) and
// compared with a character no font has (U+10FFFD), drawn the same way.
// Usage: node tests/js/check-glyphs.js FILE.svg...   Prints one JSON line per file; exit 1 when a
// character is not drawn. Run with FONTCONFIG_FILE pointing at a configuration with only DejaVu
// Sans to see what a reader without CJK, Arabic or Indic fonts sees.
'use strict';
const path = require('path');
const { chromium } = require('playwright-core');

const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const args = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

async function check(page, file) {
  await page.goto('file://' + path.resolve(file), { waitUntil: 'load' });
  return page.evaluate(async () => {
    await document.fonts.ready;
    const canvas = new OffscreenCanvas(96, 96);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    // A hash of the alpha channel of `s` drawn in `font`, and how many pixels it inks.
    const draw = (font, s) => {
      ctx.clearRect(0, 0, 96, 96);
      ctx.font = font;
      ctx.fillStyle = '#000';
      ctx.textBaseline = 'middle';
      ctx.fillText(s, 8, 48);
      const d = ctx.getImageData(0, 0, 96, 96).data;
      let hash = 0;
      let ink = 0;
      for (let i = 3; i < d.length; i += 4) {
        hash = (Math.imul(hash, 31) + d[i]) >>> 0;
        if (d[i] > 0) ink++;
      }
      return { hash, ink };
    };
    const missing = [];
    let chars = 0;
    const embedded = [];
    document.fonts.forEach((f) => embedded.push(`${f.family} ${f.weight} ${f.status}`));
    for (const t of document.querySelectorAll('text')) {
      const cs = getComputedStyle(t);
      const font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const tofu = draw(font, '\u{10FFFD}');
      // Isolates, joiners and direction marks draw nothing by design.
      for (const c of Array.from(t.textContent)) {
        if (!c.trim() || /[\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f]/.test(c)) continue;
        chars++;
        const g = draw(font, c);
        if (g.hash === tofu.hash || g.ink === 0) {
          missing.push(`${c} U+${c.codePointAt(0).toString(16).toUpperCase()} in "${t.textContent.slice(0, 30)}"`);
        }
      }
    }
    return { chars, missing, embedded };
  });
}

(async () => {
  const browser = await chromium.launch({ executablePath, args });
  let failed = false;
  try {
    for (const file of process.argv.slice(2)) {
      const page = await browser.newPage();
      const r = await check(page, file);
      if (r.missing.length > 0) failed = true;
      console.log(JSON.stringify({ file, ...r }));
      await page.close();
    }
  } finally {
    await browser.close();
  }
  process.exit(failed ? 1 : 0);
})().catch((e) => {
  console.error(e);
  process.exit(2);
});
