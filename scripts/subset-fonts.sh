#!/usr/bin/env bash
# Makes data/fonts/: the fonts map.png draws with and label widths are measured with, each cut
# to one script (see scripts/subset_fonts.py for what each holds and why), and their licences.
# Sources: Debian bookworm's fonts-dejavu-core 2.37-6 (Bitstream Vera licence, DejaVu changes in
# the public domain), fonts-noto-core 20201225-1 and fonts-noto-cjk 1:20220127+repack1-1 (SIL Open
# Font License 1.1), pinned by SHA-256 in the Python script; fontTools 4.69.1 from PyPI.
# The packages are downloaded and unpacked in a temporary folder, not installed, so the
# machine's fonts (and what its browsers draw with) do not change. Same sources, same bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download fonts-dejavu-core fonts-noto-core fonts-noto-cjk >/dev/null)
for deb in "$work"/*.deb; do dpkg-deb -x "$deb" "$work/root"; done
python3 -c 'import fontTools, sys; sys.exit(fontTools.version != "4.69.1")' 2>/dev/null \
  || pip install --quiet 'fonttools==4.69.1'
python3 scripts/subset_fonts.py data/fonts "$work/root"
cp "$work/root/usr/share/doc/fonts-dejavu-core/copyright" data/fonts/LICENSE-DejaVu.txt
cp "$work/root/usr/share/doc/fonts-noto-core/copyright" data/fonts/LICENSE-Noto.txt
cp "$work/root/usr/share/doc/fonts-noto-cjk/copyright" data/fonts/LICENSE-Noto-CJK.txt
ls -l data/fonts
