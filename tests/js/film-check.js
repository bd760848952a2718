// map.mp4 and map.gif in a real browser (tests/film.rs): one headless Chromium session plays
// each film, reports its size and length, and saves its last picture as a PNG (the video sought
// into its final hold and drawn on a canvas), so the test can compare it with map.png.
// Usage: node tests/js/film-check.js JOBS.json   (JOBS.json: [{ "file": "map.mp4", "png": "last.png" }])
// Prints one JSON line per job; exit 2 when the browser cannot run.
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--autoplay-policy=no-user-gesture-required', '--allow-file-access-from-files'];

async function video(page, file, png) {
  return page.evaluate(async ({ src }) => {
    const v = document.createElement('video');
    v.muted = true;
    v.src = src;
    document.body.appendChild(v);
    const ready = await new Promise((resolve) => {
      v.onloadeddata = () => resolve(true);
      v.onerror = () => resolve(false);
      setTimeout(() => resolve(false), 10000);
    });
    if (!ready) return { playable: false, error: v.error ? v.error.message : 'timeout' };
    // Into the last frame's hold (it lasts the final 2 s), then wait until that frame is shown.
    const seeked = new Promise((resolve) => { v.onseeked = resolve; setTimeout(resolve, 30000); });
    v.currentTime = Math.max(0, v.duration - 1);
    await seeked;
    await new Promise((resolve) => {
      if (v.requestVideoFrameCallback) v.requestVideoFrameCallback(() => resolve());
      setTimeout(resolve, 3000);
    });
    const c = document.createElement('canvas');
    c.width = v.videoWidth; c.height = v.videoHeight;
    c.getContext('2d').drawImage(v, 0, 0);
    return { playable: true, width: v.videoWidth, height: v.videoHeight, duration: v.duration, last: c.toDataURL('image/png') };
  }, { src: 'file://' + path.resolve(file) }).then((r) => {
    if (r.last) { fs.writeFileSync(png, Buffer.from(r.last.split(',')[1], 'base64')); delete r.last; }
    return r;
  });
}

async function image(page, file) {
  return page.evaluate(async ({ src }) => {
    const i = new Image();
    i.src = src;
    const ok = await new Promise((resolve) => { i.onload = () => resolve(true); i.onerror = () => resolve(false); });
    return { playable: ok, width: i.naturalWidth, height: i.naturalHeight };
  }, { src: 'file://' + path.resolve(file) });
}

(async () => {
  const jobs = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const browser = await chromium.launch({ executablePath, args });
  try {
    const page = await browser.newPage();
    // A page of our own origin (file:), so the films load without cross-origin trouble.
    const blank = path.join(path.dirname(path.resolve(process.argv[2])), 'film-page.html');
    fs.writeFileSync(blank, '<!DOCTYPE html><html><body></body></html>');
    await page.goto('file://' + blank);
    for (const j of jobs) {
      const r = j.file.endsWith('.mp4') ? await video(page, j.file, j.png) : await image(page, j.file);
      console.log(JSON.stringify({ file: j.file, ...r }));
    }
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error(e); process.exit(2); });
