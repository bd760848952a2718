#!/bin/sh
# Rebuilds data/gazetteer/gazetteer.bin from the GeoNames TSVs (CC BY 4.0).
# Usage: scripts/build_gazetteer.sh [SOURCE_DIR] [CITIES_TSV]
# SOURCE_DIR holds countries.tsv and the cities TSVs (default ../shared/data/gazetteer-geonames);
# CITIES_TSV picks the population threshold (default cities5000.tsv; see data/README.md for why).
set -eu
cd "$(dirname "$0")/.."
src="${1:-../shared/data/gazetteer-geonames}"
cities="${2:-cities5000.tsv}"
mkdir -p data/gazetteer
cargo run --quiet --release --example build_gazetteer -- "$src" "$cities" data/gazetteer/gazetteer.bin
