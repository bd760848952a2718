#!/bin/sh
# Rebuilds data/gazetteer/gazetteer.bin from the GeoNames TSVs (CC BY 4.0).
# Usage: scripts/build_gazetteer.sh [SOURCE_DIR] [CITIES_TSV] [ALT_NAMES_MIN_POPULATION]
# SOURCE_DIR holds countries.tsv and the cities TSVs (default ../shared/data/gazetteer-geonames);
# CITIES_TSV picks the population threshold (default cities1000.tsv.gz: places of 1,000+ people);
# alternate names are indexed for places of ALT_NAMES_MIN_POPULATION+ people (default 5000).
# data/README.md says why these defaults.
set -eu
cd "$(dirname "$0")/.."
src="${1:-../shared/data/gazetteer-geonames}"
cities="${2:-cities1000.tsv.gz}"
alt_min="${3:-5000}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cp "$src/countries.tsv" "$tmp/"
case "$cities" in
  *.gz) gzip -dc "$src/$cities" > "$tmp/cities.tsv" ;;
  *) cp "$src/$cities" "$tmp/cities.tsv" ;;
esac
mkdir -p data/gazetteer
cargo run --quiet --release --example build_gazetteer -- "$tmp" cities.tsv data/gazetteer/gazetteer.bin "$alt_min"
