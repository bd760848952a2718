// map.html in a real browser (tests/embed_chromium.rs): one headless Chromium session (Debian's
// /usr/bin/chromium, driven by playwright-core) loads each page at each asked width and reports
// what a reader gets: which layouts are visible, the texts of the visible one that overlap or
// leave it, whether any script ran, the stops Tab reaches in order with the tooltip each shows,
// and screenshots (reduced motion, or after the animation) for the test to compare.
// Usage: node tests/js/embed-check.js JOBS.json
//   JOBS.json: [{ "file": "map.html", "widths": [320, ...], "tabs": true,
//                "shots": "DIR" (optional), "reduced": bool, "wait_ms": N }]
// Prints one JSON line per job and width; exit 2 when the browser cannot run.
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const args = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const SLACK = 0.5;

// In the page: the layouts shown, and the visible texts of the map with their ink boxes.
function look() {
  // A map.svg on its own is one layout.
  const alone = document.documentElement.tagName === 'svg';
  const layouts = alone ? [document.documentElement] : [...document.querySelectorAll('div[class*="-layout"]')];
  const shown = layouts.filter((l) => getComputedStyle(l).display !== 'none');
  const out = { layouts: layouts.length, shown: shown.map((l) => l.getAttribute('class')), texts: [], box: null };
  if (shown.length !== 1) return out;
  const svg = alone ? shown[0] : shown[0].querySelector('svg');
  const root = svg.getBoundingClientRect();
  out.box = { x0: root.left, y0: root.top, x1: root.right, y1: root.bottom };
  const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
  const ctx = canvas.getContext('2d');
  for (const t of svg.querySelectorAll('text')) {
    const content = t.textContent;
    if (content.trim().length === 0) continue;
    const s = getComputedStyle(t);
    if (s.display === 'none' || s.visibility === 'hidden' || s.opacity === '0') continue;
    if (t.closest('[style*="display: none"]')) continue;
    const r = t.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    ctx.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    const m = ctx.measureText(content);
    const line = m.fontBoundingBoxAscent + m.fontBoundingBoxDescent;
    const k = line > 0 ? r.height / line : 1;
    const base = r.top + m.fontBoundingBoxAscent * k;
    out.texts.push({
      text: content.trim(), x0: r.left, x1: r.right,
      y0: base - m.actualBoundingBoxAscent * k, y1: base + m.actualBoundingBoxDescent * k,
    });
  }
  return out;
}

// In the page: the focused stop, and what its tooltip says when shown.
function focused() {
  const a = document.activeElement;
  // A stop is a group in the layer of spots (class `…-spots`).
  const layer = a && a.parentElement;
  if (!layer || !layer.classList || ![...layer.classList].some((c) => c.endsWith('-spots'))) {
    return { stop: null, tag: a ? a.tagName : null };
  }
  const tip = a.querySelector(':scope > use, [class$="-tip"]');
  const shown = tip && getComputedStyle(tip).display !== 'none';
  const layout = a.closest('[class*="-layout"]');
  // A tooltip is drawn in place, or once in the page's defs and placed by a <use>.
  const drawing = tip && tip.tagName === 'use'
    ? document.getElementById((tip.getAttribute('href') || '').slice(1)) : tip;
  const box = shown ? tip.getBoundingClientRect() : null;
  const frame = layout ? layout.querySelector('svg').getBoundingClientRect() : null;
  const inside = box && frame && box.width > 0 && box.height > 0
    && box.left >= frame.left - 0.5 && box.top >= frame.top - 0.5
    && box.right <= frame.right + 0.5 && box.bottom <= frame.bottom + 0.5;
  // Every character of the shown tooltip drawn with a real glyph of its font (the page's
  // embedded subsets included), not the last-resort box: drawn on a canvas and compared with a
  // character no font has, as tests/js/check-glyphs.js does.
  const tofu = [];
  if (shown && drawing) {
    const canvas = new OffscreenCanvas(96, 96);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    const ink = (font, c) => {
      ctx.clearRect(0, 0, 96, 96);
      ctx.font = font;
      ctx.textBaseline = 'middle';
      ctx.fillText(c, 8, 48);
      const d = ctx.getImageData(0, 0, 96, 96).data;
      let hash = 0;
      for (let i = 3; i < d.length; i += 4) hash = (Math.imul(hash, 31) + d[i]) >>> 0;
      return hash;
    };
    const family = getComputedStyle(tip).fontFamily;
    for (const t of drawing.querySelectorAll('text')) {
      const cs = getComputedStyle(t);
      const font = `${cs.fontWeight} ${cs.fontSize} ${family}`;
      const none = ink(font, '\u{10FFFD}');
      for (const c of Array.from(t.textContent)) {
        if (c.trim() && c !== '\u2026' && ink(font, c) === none) tofu.push(c);
      }
    }
  }
  return {
    tip_tofu: tofu.join(''),
    // Its number, from its accessible name ("Stop 3: Amman, 4 Nov.").
    stop: Number(((a.getAttribute('aria-label') || '').match(/^Stop (\d+):/) || [])[1]),
    layout: layout ? layout.className : null,
    tip: shown && drawing ? [...drawing.querySelectorAll('text')].map((t) => t.textContent).join(' ') : null,
    tip_inside: Boolean(inside),
  };
}

async function job(browser, j) {
  const results = [];
  for (const width of j.widths) {
    const context = await browser.newContext({
      viewport: { width, height: 1400 },
      reducedMotion: j.reduced ? 'reduce' : 'no-preference',
      javaScriptEnabled: true,
    });
    const page = await context.newPage();
    let scripts = 0;
    page.on('console', () => { scripts += 1; });
    await page.goto('file://' + path.resolve(j.file), { waitUntil: 'load' });
    await page.evaluate(async () => { await document.fonts.ready; });
    // A script in the page would have to be an element or an event attribute.
    scripts += await page.evaluate(() => document.querySelectorAll('script').length
      + [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length);
    if (j.wait_ms) await page.waitForTimeout(j.wait_ms);
    const seen = await page.evaluate(look);
    const overlaps = [];
    const clipped = [];
    const t = seen.texts;
    if (seen.box) {
      for (const a of t) {
        if (a.x0 < seen.box.x0 - SLACK || a.y0 < seen.box.y0 - SLACK || a.x1 > seen.box.x1 + SLACK || a.y1 > seen.box.y1 + SLACK) {
          clipped.push(`"${a.text.slice(0, 40)}" leaves the map`);
        }
      }
      for (let i = 0; i < t.length; i++) {
        for (let k = i + 1; k < t.length; k++) {
          const a = t[i], b = t[k];
          if (a.text === b.text && Math.abs(a.x0 - b.x0) < 1 && Math.abs(a.y0 - b.y0) < 1) continue;
          const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
          const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
          if (w > SLACK && h > SLACK) overlaps.push(`"${a.text.slice(0, 40)}" and "${b.text.slice(0, 40)}" overlap`);
        }
      }
    }
    let shot = null;
    if (j.shots && seen.box) {
      shot = path.join(j.shots, `${path.basename(path.dirname(j.file))}-${width}.png`);
      await page.screenshot({ path: shot, clip: {
        x: seen.box.x0, y: seen.box.y0, width: seen.box.x1 - seen.box.x0, height: seen.box.y1 - seen.box.y0,
      } });
    }
    const tabs = [];
    if (j.tabs) {
      const n = await page.evaluate(() => document.querySelectorAll('ol[class$="-list"] li').length);
      for (let i = 0; i < n; i++) {
        await page.keyboard.press('Tab');
        tabs.push(await page.evaluate(focused));
      }
    }
    results.push({ file: j.file, width, layouts: seen.layouts, shown: seen.shown, texts: t.length, overlaps, clipped, scripts, tabs, shot });
    await context.close();
  }
  return results;
}

(async () => {
  const jobs = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const browser = await chromium.launch({ executablePath, args });
  try {
    for (const j of jobs) {
      for (const r of await job(browser, j)) console.log(JSON.stringify(r));
    }
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error(e); process.exit(2); });
