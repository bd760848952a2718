// Validates GeoJSON files with two validators nobody at tripmap wrote:
// @placemarkio/check-geojson (strict RFC 7946) and @mapbox/geojsonhint.
// Usage: node tests/js/validate-geojson.js FILE...   Exit 1 and a report if any file has an issue.
'use strict';
const fs = require('fs');
const { check } = require('@placemarkio/check-geojson');
const geojsonhint = require('@mapbox/geojsonhint');

let failed = false;
for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, 'utf8');
  try {
    check(text);
  } catch (e) {
    failed = true;
    const issues = e.issues ? e.issues.map((i) => `${i.message} (${i.from}-${i.to})`).join('; ') : String(e);
    console.log(`${file}: check-geojson: ${issues}`);
  }
  // precisionWarning off: tripmap writes 6 decimals on purpose (about 0.1 m).
  const hints = geojsonhint.hint(text, { precisionWarning: false });
  for (const h of hints) {
    failed = true;
    console.log(`${file}: geojsonhint: line ${h.line}: ${h.message}`);
  }
}
process.exit(failed ? 1 : 0);
