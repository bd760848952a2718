// The d3 pipeline a graphics desk builds by hand, for comparison with `tripmap render`:
// world-atlas countries-50m, a fitted projection, great-circle legs, markers and labels, as SVG.
// Usage: node render.mjs TRIP.json OUT.svg
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { geoEqualEarth, geoPath, geoGraticule10 } from 'd3-geo';
import { feature, mesh } from 'topojson-client';

const require = createRequire(import.meta.url);
const [tripFile, outFile] = process.argv.slice(2);
const trip = JSON.parse(fs.readFileSync(tripFile, 'utf8'));
const world = require('world-atlas/countries-50m.json');
const countries = feature(world, world.objects.countries);
const borders = mesh(world, world.objects.countries, (a, b) => a !== b);

const width = 960, height = 600;
const stops = trip.stops.map((s) => [s.lon, s.lat]);
const route = { type: 'LineString', coordinates: stops };
const projection = geoEqualEarth().fitExtent([[20, 20], [width - 20, height - 20]], route);
const path = geoPath(projection);

let svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`;
svg += `<path d="${path(geoGraticule10())}" fill="none" stroke="#eee"/>`;
for (const c of countries.features) svg += `<path d="${path(c)}" fill="#e8e4da" stroke="none"/>`;
svg += `<path d="${path(borders)}" fill="none" stroke="#fff"/>`;
for (let i = 1; i < stops.length; i++) {
  svg += `<path d="${path({ type: 'LineString', coordinates: [stops[i - 1], stops[i]] })}" fill="none" stroke="#c33" stroke-width="2"/>`;
}
trip.stops.forEach((s, i) => {
  const [x, y] = projection([s.lon, s.lat]);
  svg += `<circle cx="${x}" cy="${y}" r="5" fill="#c33"/><text x="${x + 7}" y="${y + 4}">${i + 1}. ${s.name}</text>`;
});
svg += '</svg>';
fs.writeFileSync(outFile, svg);
