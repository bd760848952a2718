#!/usr/bin/env bash
# Makes data/fonts/: DejaVu Sans and DejaVu Sans Bold (Bitstream Vera licence, DejaVu changes in the
# public domain) cut down to the characters map labels use, so a PNG renders the same everywhere.
# Needs Debian's fonts-dejavu-core and fonttools (pip install fonttools).
# Kept: U+0020-024F (Latin, Latin-1, Latin Extended A/B: the range the SVG's text widths cover),
# general punctuation (dashes, quotes, ellipsis), arrows, degree, multiplication and middle dot.
set -euo pipefail
cd "$(dirname "$0")/.."
src=/usr/share/fonts/truetype/dejavu
unicodes="U+0020-024F,U+2000-206F,U+2190-21FF,U+00B0,U+00D7,U+00B7,U+2212,U+25CF"
for f in DejaVuSans DejaVuSans-Bold; do
  pyftsubset "$src/$f.ttf" --unicodes="$unicodes" --layout-features='kern,liga' \
    --no-hinting --desubroutinize --output-file="data/fonts/$f.ttf"
done
cp /usr/share/doc/fonts-dejavu-core/copyright data/fonts/LICENSE-DejaVu.txt
ls -l data/fonts
