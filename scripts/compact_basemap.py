#!/usr/bin/env python3
"""Convert Natural Earth GeoJSON into tripmap's compact basemap files (data/basemap/*.bin).

Usage: scripts/compact_basemap.py NATURAL_EARTH_DIR OUT_DIR

NATURAL_EARTH_DIR holds geojson-110m/, geojson-50m/ and geojson-10m-gz/ (Natural Earth,
public domain, as GeoJSON). Writes OUT_DIR/ne_110m.bin, ne_50m.bin and ne_10m.bin.

Format (all integers are LEB128 varints; signed ones zigzag-encoded first):
  magic b"TMB2", units per degree (varint)
  layer land:      polygon layer
  layer lakes:     polygon layer
  layer borders:   line layer
  layer countries: varint n; per country: str ADM0_A3, str NAME, label lon, label lat
                   (signed, absolute, quantized), the country's bbox, varint n_polygons, a
                   bbox per polygon, then a block holding the polygons (per polygon varint
                   n_rings, per ring a point run)
A bbox is signed min lon, min lat, then unsigned width and height; a block is a varint byte
length, then that many bytes, in which point deltas start from the corner (min lon, min lat)
of the bbox just before it (a country's polygons: from the country's bbox). Every
piece of geometry sits in a block behind its box, so tripmap decodes only what a map shows, when
it first needs it.
A polygon layer is varint n_polygons, then per polygon its bbox and a block (varint n_rings,
per ring a point run); a line layer is varint n_lines, then per line its bbox and a block (one
point run). A point run is varint n_points then per point signed (dlon, dlat) from the previous
point of the block. Rings are
stored without their closing point. Coordinates are degrees * units per degree, rounded;
consecutive duplicate points are dropped and rings with fewer than 3 points are skipped.
The coastline is not stored: tripmap derives it from the land rings.
"""

import gzip
import json
import math
import os
import sys

UNITS = 1000  # per degree: 0.001 deg = 111 m at the equator, far below a pixel at 10m scale


def varint(out, n):
    assert n >= 0
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return


def svarint(out, n):
    varint(out, (n << 1) if n >= 0 else ((-n) << 1) - 1)


def string(out, s):
    b = s.encode("utf-8")
    varint(out, len(b))
    out.extend(b)


def load(path):
    if path.endswith(".gz"):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return json.load(f)
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def quantize(ring):
    pts = []
    for c in ring:
        lon = max(-180.0, min(180.0, c[0]))
        lat = max(-90.0, min(90.0, c[1]))
        q = (round(lon * UNITS), round(lat * UNITS))
        if not pts or pts[-1] != q:
            pts.append(q)
    return pts


def rdp(pts, tol):
    """Douglas-Peucker on quantized points (tolerance in quantized units); keeps the ends."""
    if tol <= 0 or len(pts) < 3:
        return pts
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = pts[a], pts[b]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        best, where = -1.0, -1
        for i in range(a + 1, b):
            px, py = pts[i]
            if norm == 0:
                d = math.hypot(px - ax, py - ay)
            else:
                d = abs(dy * (px - ax) - dx * (py - ay)) / norm
            if d > best:
                best, where = d, i
        if where >= 0 and best > tol:
            keep[where] = True
            stack.append((a, where))
            stack.append((where, b))
    return [p for p, k in zip(pts, keep) if k]


def simplify_ring(pts, tol):
    if tol <= 0 or len(pts) < 4:
        return pts
    # Split the closed ring at its two most distant-by-index points so both ends stay fixed.
    mid = len(pts) // 2
    a = rdp(pts[: mid + 1], tol)
    b = rdp(pts[mid:] + [pts[0]], tol)
    return a[:-1] + b[:-1]


def polygons_of(geometry):
    if geometry is None:
        return []
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["coordinates"]
    return []


def lines_of(geometry):
    if geometry is None:
        return []
    if geometry["type"] == "LineString":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiLineString":
        return geometry["coordinates"]
    return []


class Writer:
    def __init__(self, out=None, origin=(0, 0)):
        """A writer of a whole file (with its header), or into `out` (a block whose point
        deltas start from `origin`)."""
        if out is None:
            out = bytearray(b"TMB2")
            varint(out, UNITS)
        self.out = out
        self.last = origin

    def run(self, pts):
        varint(self.out, len(pts))
        lx, ly = self.last
        for x, y in pts:
            svarint(self.out, x - lx)
            svarint(self.out, y - ly)
            lx, ly = x, y
        self.last = (lx, ly)

    def polygon_layer(self, polygons, tol):
        kept = kept_polygons(polygons, tol)
        varint(self.out, len(kept))
        for rings in kept:
            corner = bbox(self.out, [pt for r in rings for pt in r])
            block = Writer(bytearray(), corner)
            varint(block.out, len(rings))
            for r in rings:
                block.run(r)
            varint(self.out, len(block.out))
            self.out += block.out

    def line_layer(self, lines, tol):
        kept = [rdp(quantize(l), tol) for l in lines]
        kept = [l for l in kept if len(l) >= 2]
        varint(self.out, len(kept))
        for l in kept:
            block = Writer(bytearray(), bbox(self.out, l))
            block.run(l)
            varint(self.out, len(block.out))
            self.out += block.out


def label_point(polys):
    """A point well inside the country's largest polygon: the grid point farthest from its
    edges (a coarse pole of inaccessibility), in degrees."""
    def area(r):
        return 0.5 * abs(sum(r[i][0] * r[i - 1][1] - r[i - 1][0] * r[i][1] for i in range(len(r))))

    best = max(polys, key=lambda p: area(p[0]))
    ring = best[0]
    xs = [c[0] for c in ring]
    ys = [c[1] for c in ring]
    coslat = max(0.2, math.cos(math.radians((min(ys) + max(ys)) / 2)))

    def inside(x, y):
        c = False
        for r in best:
            for i in range(len(r)):
                (x1, y1), (x2, y2) = r[i - 1][:2], r[i][:2]
                if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
                    c = not c
        return c

    def edge_distance(x, y):
        d = float("inf")
        for r in best:
            for i in range(len(r)):
                (x1, y1), (x2, y2) = r[i - 1][:2], r[i][:2]
                ax, ay, bx, by = x1 * coslat, y1, x2 * coslat, y2
                px, py = x * coslat, y
                dx, dy = bx - ax, by - ay
                t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
                d = min(d, math.hypot(px - ax - t * dx, py - ay - t * dy))
        return d

    n = 24
    top = None
    for i in range(n + 1):
        for j in range(n + 1):
            x = min(xs) + (max(xs) - min(xs)) * i / n
            y = min(ys) + (max(ys) - min(ys)) * j / n
            if inside(x, y):
                d = edge_distance(x, y)
                if top is None or d > top[0]:
                    top = (d, x, y)
    if top is None:
        return ring[0][0], ring[0][1]
    return top[1], top[2]


def build(ne, level):
    if level == "10m":
        base = os.path.join(ne, "geojson-10m-gz")
        land = load(os.path.join(base, "ne_10m_land.geojson.gz"))
        lakes = load(os.path.join(base, "ne_10m_lakes.geojson.gz"))
        borders = load(os.path.join(base, "ne_10m_admin_0_boundary_lines_land.geojson.gz"))
        countries = None
    else:
        base = os.path.join(ne, "geojson-" + level)
        land = load(os.path.join(base, "ne_%s_land.geojson" % level))
        lakes = load(os.path.join(base, "ne_%s_lakes.geojson" % level))
        borders = load(os.path.join(base, "ne_%s_admin_0_boundary_lines_land.geojson" % level))
        countries = load(os.path.join(base, "ne_%s_admin_0_countries.geojson" % level))
    # 10m: drop what a 10m map at ~0.5-2.5 km/px cannot show: vertices closer than 0.002 deg
    # (about 200 m) to the simplified line, and lakes of scalerank above 6 (the smallest).
    tol = 2 if level == "10m" else 0
    lake_features = lakes["features"]
    if level == "10m":
        lake_features = [f for f in lake_features if (f["properties"].get("scalerank") or 0) <= 6]
    w = Writer()
    w.polygon_layer([p for f in land["features"] for p in polygons_of(f["geometry"])], tol)
    w.polygon_layer([p for f in lake_features for p in polygons_of(f["geometry"])], tol)
    w.line_layer([l for f in borders["features"] for l in lines_of(f["geometry"])], tol)
    feats = countries["features"] if countries else []
    feats = sorted(feats, key=lambda f: f["properties"]["ADM0_A3"])
    varint(w.out, len(feats))
    for f in feats:
        p = f["properties"]
        polys = polygons_of(f["geometry"])
        lx, ly = label_point(polys)
        string(w.out, p["ADM0_A3"])
        string(w.out, p["NAME"])
        svarint(w.out, round(lx * UNITS))
        svarint(w.out, round(ly * UNITS))
        kept = kept_polygons(polys, tol)
        corner = bbox(w.out, [pt for rings in kept for r in rings for pt in r])
        varint(w.out, len(kept))
        for rings in kept:
            bbox(w.out, [pt for r in rings for pt in r])
        block = Writer(bytearray(), corner)
        for rings in kept:
            varint(block.out, len(rings))
            for r in rings:
                block.run(r)
        varint(w.out, len(block.out))
        w.out += block.out
    return bytes(w.out)


def kept_polygons(polygons, tol):
    """Polygons quantized and simplified, without closing points, rings under 3 points dropped,
    polygons left with no ring dropped."""
    kept = []
    for poly in polygons:
        rings = [simplify_ring(quantize(r), tol) for r in poly]
        rings = [r[:-1] if len(r) > 1 and r[0] == r[-1] else r for r in rings]
        rings = [r for r in rings if len(r) >= 3]
        if rings:
            kept.append(rings)
    return kept


def bbox(out, points):
    """Writes the box around some quantized points (signed min lon, min lat, then unsigned
    width and height) and returns its corner (min lon, min lat), where the deltas of the block
    that follows start."""
    x0, y0 = min(x for x, _ in points), min(y for _, y in points)
    svarint(out, x0)
    svarint(out, y0)
    varint(out, max(x for x, _ in points) - x0)
    varint(out, max(y for _, y in points) - y0)
    return (x0, y0)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    ne, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    for level in ["110m", "50m", "10m"]:
        data = build(ne, level)
        path = os.path.join(out, "ne_%s.bin" % level)
        with open(path, "wb") as f:
            f.write(data)
        print("%s: %d bytes" % (path, len(data)))


if __name__ == "__main__":
    main()
