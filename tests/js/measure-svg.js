// Loads SVG files in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) and
// checks what a reader sees: no two <text> boxes overlap, none leaves the SVG, and no script runs.
// Usage: node tests/js/measure-svg.js FILE.svg...   Prints one JSON line per file; exit 1 on a failure.
'use strict';
const path = require('path');
const { chromium } = require('playwright-core');

const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const args = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// Boxes that touch by less than this many CSS pixels do not count as overlapping (anti-aliasing).
const SLACK = 0.5;

async function measure(page, file) {
  let scriptRan = false;
  page.on('dialog', async (d) => { scriptRan = true; await d.dismiss(); });
  page.on('console', () => { scriptRan = true; });
  const url = 'file://' + path.resolve(file);
  await page.goto(url, { waitUntil: 'load' });
  const result = await page.evaluate(() => {
    const svg = document.documentElement;
    const root = svg.getBoundingClientRect();
    const texts = Array.from(document.querySelectorAll('text'))
      .filter((t) => t.textContent.trim().length > 0)
      .filter((t) => {
        const s = getComputedStyle(t);
        return s.display !== 'none' && s.visibility !== 'hidden' && s.opacity !== '0';
      })
      .map((t) => {
        const r = t.getBoundingClientRect();
        return { text: t.textContent.trim().slice(0, 40), cls: t.getAttribute('class') || '',
          x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
      });
    return {
      root: { x0: root.left, y0: root.top, x1: root.right, y1: root.bottom },
      texts,
      pwned: Boolean(window.__pwned),
      scripts: document.querySelectorAll('script').length,
    };
  });
  const problems = [];
  const { root, texts } = result;
  for (const t of texts) {
    if (t.x0 < root.x0 - SLACK || t.y0 < root.y0 - SLACK || t.x1 > root.x1 + SLACK || t.y1 > root.y1 + SLACK) {
      problems.push(`outside the SVG: "${t.text}"`);
    }
  }
  let overlaps = 0;
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i], b = texts[j];
      // A halo drawn as a second copy of the same text under it is one label, not two.
      const same = a.text === b.text && Math.abs(a.x0 - b.x0) < 1 && Math.abs(a.y0 - b.y0) < 1;
      if (same) continue;
      const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (w > SLACK && h > SLACK) {
        overlaps++;
        problems.push(`overlap: "${a.text}" and "${b.text}" (${w.toFixed(1)} x ${h.toFixed(1)} px)`);
      }
    }
  }
  if (result.scripts > 0) problems.push(`${result.scripts} <script> element(s)`);
  if (result.pwned || scriptRan) problems.push('a script ran');
  return { file, texts: texts.length, overlaps, problems };
}

(async () => {
  const browser = await chromium.launch({ executablePath, args });
  let failed = false;
  try {
    for (const file of process.argv.slice(2)) {
      const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
      const r = await measure(page, file);
      if (r.problems.length > 0) failed = true;
      console.log(JSON.stringify(r));
      await page.close();
    }
  } finally {
    await browser.close();
  }
  process.exit(failed ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(2); });
