// The desk checks' browser pass (tests/desk/browser.rs): loads many SVG maps in one headless
// Chromium session (Debian's /usr/bin/chromium, driven by playwright-core) and reports, for each,
// what a reader sees: text boxes that overlap, text that leaves the picture, and characters that
// no font draws (the browser falls back through every installed font; a character none has is
// drawn as the "missing glyph" box, which is found by drawing it on a canvas in the text's own
// font and comparing with an unassigned code point, U+0378).
// Usage: node tests/js/desk-measure.js LIST.json   (LIST.json: an array of SVG file paths)
// Prints one JSON line per file, in the list's order; exit 2 when the browser cannot run.
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const args = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
// Boxes that touch by less than this many CSS pixels do not count (anti-aliasing).
const SLACK = 0.5;
// Pages measuring at once (the machine's cores).
const WORKERS = 2;

// In the page: every visible text with its box, its font and its characters. A box spans the
// text's advance horizontally and its glyphs' ink vertically (Canvas measureText's actual bounding
// box, in the text's own font and size): the line box Chromium reports includes the font's line
// gap, which differs from font to font (DejaVu Sans 1.17 em, Noto Sans 1.36 em), so two lines set
// close would "overlap" where no ink touches.
function collect() {
  const root = document.documentElement.getBoundingClientRect();
  const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
  const ctx = canvas.getContext('2d');
  const texts = [];
  for (const t of document.querySelectorAll('text')) {
    const content = t.textContent;
    if (content.trim().length === 0) continue;
    const s = getComputedStyle(t);
    if (s.display === 'none' || s.visibility === 'hidden' || s.opacity === '0') continue;
    const r = t.getBoundingClientRect();
    ctx.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    const m = ctx.measureText(content);
    const line = m.fontBoundingBoxAscent + m.fontBoundingBoxDescent;
    const k = line > 0 ? r.height / line : 1;
    const baseline = r.top + m.fontBoundingBoxAscent * k;
    texts.push({
      text: content.trim(), cls: t.getAttribute('class') || '',
      font: `${s.fontStyle} ${s.fontWeight} 32px ${s.fontFamily}`,
      x0: r.left, y0: baseline - m.actualBoundingBoxAscent * k,
      x1: r.right, y1: baseline + m.actualBoundingBoxDescent * k,
    });
  }
  return { root: { x0: root.left, y0: root.top, x1: root.right, y1: root.bottom }, texts };
}

// In the page: for each [font, char], whether some font draws the char (it does not look like
// the missing-glyph box drawn for U+0378 in the same font).
function glyphs(pairs) {
  // An SVG document's createElement makes SVG elements: ask for an HTML canvas.
  const c = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
  c.width = 64; c.height = 64;
  const ctx = c.getContext('2d', { willReadFrequently: true });
  const draw = (font, ch) => {
    ctx.clearRect(0, 0, 64, 64);
    ctx.font = font;
    ctx.fillStyle = '#000';
    ctx.fillText(ch, 12, 44);
    const d = ctx.getImageData(0, 0, 64, 64).data;
    let s = '';
    for (let i = 3; i < d.length; i += 4) s += d[i] > 127 ? '1' : '0';
    return s;
  };
  const missing = new Map();
  return pairs.map(([font, ch]) => {
    if (!missing.has(font)) missing.set(font, draw(font, '\u0378'));
    return draw(font, ch) !== missing.get(font);
  });
}

// Characters that draw nothing by design: spaces, joiners, marks of direction, selectors.
const SILENT = /[\s\p{Cf}\p{Zs}\u{FE00}-\u{FE0F}]/u;

async function measure(page, file, cache) {
  await page.goto('file://' + path.resolve(file), { waitUntil: 'load' });
  // The map's embedded @font-face subsets load after 'load': measure with them, as a reader sees.
  await page.evaluate(async () => { await document.fonts.ready; });
  const { root, texts } = await page.evaluate(collect);
  const clipped = [];
  for (const t of texts) {
    if (t.x0 < root.x0 - SLACK || t.y0 < root.y0 - SLACK || t.x1 > root.x1 + SLACK || t.y1 > root.y1 + SLACK) {
      clipped.push(`"${t.text.slice(0, 40)}" leaves the picture`);
    }
  }
  const overlaps = [];
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i], b = texts[j];
      // A halo drawn as a second copy of the same text under it is one label, not two.
      if (a.text === b.text && Math.abs(a.x0 - b.x0) < 1 && Math.abs(a.y0 - b.y0) < 1) continue;
      const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (w > SLACK && h > SLACK) {
        overlaps.push(`"${a.text.slice(0, 40)}" and "${b.text.slice(0, 40)}" overlap (${w.toFixed(1)} x ${h.toFixed(1)} px)`);
      }
    }
  }
  // The cache holds a promise per [font, char]: the other page may be testing it right now.
  const todo = [];
  for (const t of texts) {
    for (const ch of t.text) {
      if (SILENT.test(ch)) continue;
      const key = t.font + '\u0000' + ch;
      if (!cache.has(key)) { todo.push([t.font, ch]); cache.set(key, null); }
    }
  }
  if (todo.length > 0) {
    const batch = page.evaluate(glyphs, todo);
    todo.forEach(([font, ch], i) => cache.set(font + '\u0000' + ch, batch.then((found) => found[i])));
    await batch;
  }
  const missing = [];
  const seen = new Set();
  for (const t of texts) {
    for (const ch of t.text) {
      if (SILENT.test(ch) || seen.has(ch)) continue;
      if ((await cache.get(t.font + '\u0000' + ch)) === false) {
        seen.add(ch);
        missing.push(`U+${ch.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')} “${ch}” in "${t.text.slice(0, 40)}"`);
      }
    }
  }
  return { file, texts: texts.length, overlaps, clipped, missing };
}

(async () => {
  const files = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const browser = await chromium.launch({ executablePath, args });
  const results = new Array(files.length);
  const cache = new Map();
  let next = 0;
  const worker = async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    while (next < files.length) {
      const i = next++;
      results[i] = await measure(page, files[i], cache);
    }
    await page.close();
  };
  try {
    await Promise.all(Array.from({ length: WORKERS }, worker));
  } finally {
    await browser.close();
  }
  for (const r of results) console.log(JSON.stringify(r));
})().catch((e) => { console.error(e); process.exit(2); });
