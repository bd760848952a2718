#!/usr/bin/env bash
# A contact sheet of the desk corpus: every tuning trip of tests/corpus/manifest.tsv drawn by
# `tripmap render --format png` (resvg with the bundled fonts, as users get map.png) at one width,
# then tiled with captions into docs/corpus-contact-sheet.png (Python 3 with Pillow:
# `pip install pillow`). The held-out trips are left out unless --heldout is given (then the sheet
# goes to target/corpus-contact-sheet-heldout.png, not into docs/).
#
# usage: scripts/contact-sheet.sh [--width PX] [--heldout] [--out FILE]
#   TRIPMAP=path/to/tripmap picks the binary (default: target/debug/tripmap, built if missing).
set -euo pipefail
cd "$(dirname "$0")/.."

width=640
heldout=0
out=docs/corpus-contact-sheet.png
while [ $# -gt 0 ]; do
  case "$1" in
    --width) width="$2"; shift 2 ;;
    --heldout) heldout=1; out=target/corpus-contact-sheet-heldout.png; shift ;;
    --out) out="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
bin="${TRIPMAP:-target/debug/tripmap}"
[ -x "$bin" ] || cargo build --quiet
python3 -c 'import PIL' 2>/dev/null || { echo "needs Pillow: pip install pillow" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
list="$work/list.tsv"
while IFS=$'\t' read -r path kinds options title; do
  case "$path" in ''|'#'*) continue ;; esac
  case "$path" in
    heldout/*) [ "$heldout" = 1 ] || continue ;;
    *) [ "$heldout" = 0 ] || continue ;;
  esac
  name="$(basename "${path%.*}")"
  args=(render "tests/corpus/$path" -o "$work/$name" --width "$width" --format png)
  case ",$options," in *,annotate,*) args+=(--annotate) ;; esac
  if "$bin" "${args[@]}" >/dev/null 2>"$work/$name.err"; then
    printf '%s\t%s\t%s\n' "$name" "$kinds" "$work/$name/map.png" >> "$list"
  else
    printf '%s\t%s\t%s\n' "$name" "$kinds" "-" >> "$list"
    echo "$name: $(head -c 200 "$work/$name.err")" >&2
  fi
done < tests/corpus/manifest.tsv

python3 - "$list" "$out" <<'EOF'
import sys
from PIL import Image, ImageDraw, ImageFont
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1])]
tile_w, cols, cap = 300, 6, 30
thumbs = []
for name, kinds, png in rows:
    if png == '-':
        im = Image.new('RGB', (tile_w, 120), 'white')
        ImageDraw.Draw(im).text((10, 50), 'render failed', fill='red')
    else:
        im = Image.open(png).convert('RGB')
        im = im.resize((tile_w, round(im.height * tile_w / im.width)), Image.LANCZOS)
    thumbs.append((name, kinds, im))
try:
    font = ImageFont.truetype('DejaVuSans.ttf', 11)
except OSError:
    font = ImageFont.load_default()
n_rows = (len(thumbs) + cols - 1) // cols
heights = [max(t[2].height for t in thumbs[r * cols:(r + 1) * cols]) + cap for r in range(n_rows)]
sheet = Image.new('RGB', (cols * (tile_w + 8) + 8, sum(heights) + 8 * (n_rows + 1)), '#d0d0d0')
draw = ImageDraw.Draw(sheet)
y = 8
for r in range(n_rows):
    x = 8
    for name, kinds, im in thumbs[r * cols:(r + 1) * cols]:
        draw.text((x, y), name, fill='black', font=font)
        draw.text((x, y + 13), kinds[:48], fill='#555555', font=font)
        sheet.paste(im, (x, y + cap))
        x += tile_w + 8
    y += heights[r] + 8
sheet = sheet.quantize(colors=128, method=Image.Quantize.MEDIANCUT)
sheet.save(sys.argv[2], optimize=True)
print(f'{sys.argv[2]}: {len(thumbs)} maps, {sheet.width} x {sheet.height} px')
EOF
