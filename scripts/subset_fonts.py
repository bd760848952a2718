#!/usr/bin/env python3
"""Makes data/fonts/: the fonts map.png is drawn with and label widths are measured with.

Run by scripts/subset-fonts.sh, which installs what this needs. Each bundled font is a subset of
a font from a Debian package, cut to one script (coverage is disjoint, so each script has exactly
one font; only spaces, joiners and the dotted circle are shared):

- DejaVu Sans and DejaVu Sans Bold (fonts-dejavu-core): Latin, Greek, Cyrillic, Armenian,
  Georgian, punctuation, arrows and a few symbols.
- Noto Sans Hebrew, Arabic, Devanagari and Thai, regular and bold (fonts-noto-core).
- Noto Sans CJK JP regular (fonts-noto-cjk), one weight: kana, the Hangul syllables of KS X 1001
  and every Hangul syllable in the gazetteer, and the Han characters of GB 2312 level 1 (the 3,755
  most frequent in simplified Chinese), Big5 level 1 (the 5,401 most frequent in traditional
  Chinese), JIS X 0208 level 1 (the 2,965 most frequent in Japanese) and every Han character in
  the gazetteer's names. The character sets come from Python's own codecs, so
  no list is downloaded. Its CFF outlines are converted to TrueType (quadratic, 1 unit in 1,000
  at most off) so that the SVG writer's subsetter, which reads TrueType outlines only, can embed
  the glyphs a map uses.
- Noto Sans Bengali, Tamil, Telugu, Kannada, Malayalam, Gujarati, Gurmukhi, Oriya, Sinhala, Lao,
  Khmer, Myanmar, Ethiopic and Thaana, regular only: the other scripts the gazetteer keeps names
  in for a country's own places (scripts/prepare_gazetteer_sources.py), but Tibetan (Noto has
  only a serif Tibetan, 565 KB even when cut to the script, for Bhutan's places).

The sources are pinned by SHA-256 (Debian bookworm: fonts-dejavu-core 2.37-6, fonts-noto-core
20201225-1, fonts-noto-cjk 1:20220127+repack1-1) and fontTools by version, so the same inputs
give the same bytes.

Usage: python3 scripts/subset_fonts.py [OUT_DIR [ROOT]]   (default data/fonts and /: ROOT is
where the Debian packages' files are, installed or unpacked)
"""
import hashlib
import io
import os
import struct
import sys

import fontTools
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

FONTTOOLS = "4.69.1"
ROOT = sys.argv[2] if len(sys.argv) > 2 else ""
DEJAVU = f"{ROOT}/usr/share/fonts/truetype/dejavu"
NOTO = f"{ROOT}/usr/share/fonts/truetype/noto"
NOTO_CJK = f"{ROOT}/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
GAZETTEER = "data/gazetteer/gazetteer.bin"

SHA256 = {
    f"{DEJAVU}/DejaVuSans.ttf": "abdc775b21b1bc470d50c97e790d276f2054b7504e56e5bd3e64f48d68582322",
    f"{DEJAVU}/DejaVuSans-Bold.ttf": "0d977336a6d5fba34eab8e3199eb218327161b5143749f802982c2bc34df0c96",
    NOTO_CJK: "b76b0433203017ca80401b2ee0dd69350349871c4b19d504c34dbdd80541690a",
    f"{NOTO}/NotoSansHebrew-Regular.ttf": "436900d5ad77d33e4234247f3076eaecd25b92b9bea0519514f684140e3566a7",
    f"{NOTO}/NotoSansHebrew-Bold.ttf": "d3b01343f71e8a93fffb84c345a1aecbaf4694b98d0eaace916cb9eac9e6dcd3",
    f"{NOTO}/NotoSansArabic-Regular.ttf": "504d7407d86875acf7d04dfaa0fd7524d0b8797723bc4aa18022f29db25b0b6e",
    f"{NOTO}/NotoSansArabic-Bold.ttf": "ded6fc7359ca36d15d7aab9ef0c066e21ce48b26a069994d6602fa2cb9a1b952",
    f"{NOTO}/NotoSansDevanagari-Regular.ttf": "79a470365ccb210fa3c7d8d8ff2e005ef9d983cfd067f735a0caf7e15070ca9f",
    f"{NOTO}/NotoSansDevanagari-Bold.ttf": "77ad688cfe1dc55185bf4edb4db3c614202c65dd23a1463ad0e23fc52bcc9a5c",
    f"{NOTO}/NotoSansThai-Regular.ttf": "dfbd5ed0f1e68c3cbc51aa08f646d1ab0e68e7c4ceab70a69e465225ff701f93",
    f"{NOTO}/NotoSansThai-Bold.ttf": "97bbc8ea98328325285f2f552228c7aac1db39d8f38f0096a61ba7df1f1f780e",
    f"{NOTO}/NotoSansBengali-Regular.ttf": "9bb35b3547829ecc42041b6017e87fd4c5f1da1edcd00f59171777050f346018",
    f"{NOTO}/NotoSansTamil-Regular.ttf": "a7bb7f92f165479af2f0556c4fd669b74c5959f464f603e18389b532f4d07a71",
    f"{NOTO}/NotoSansTelugu-Regular.ttf": "cb3165071121b1e80c55a041d0c1f79b3bbc68e4b0eab37b0d881958dfc3ed7a",
    f"{NOTO}/NotoSansKannada-Regular.ttf": "892b841b0b87ca3c2702bdc78d3031c8220f53e8f5f496ec5e37ccf0ca03ddf7",
    f"{NOTO}/NotoSansMalayalam-Regular.ttf": "5433f4a642b4325aa169a55c4c6b8d1c4a45c4e08bcd9cbe72888229709a8f2d",
    f"{NOTO}/NotoSansGujarati-Regular.ttf": "4468a3a24516831874fb4a867b760a22257944584e478d32a97e3c4d4bfc6400",
    f"{NOTO}/NotoSansGurmukhi-Regular.ttf": "1db960ff6f506a98f5b3ece78f54618388c6187e7edf8ceee5ab63389c0db3ab",
    f"{NOTO}/NotoSansOriya-Regular.ttf": "20751837a8cac9d0e610ffdf91c43d3391e2b267ca2cad07f6e3866798436369",
    f"{NOTO}/NotoSansSinhala-Regular.ttf": "31f83eec724a27779d1434afc84beabee239c0ff77dc8d04bee9f49c60b23fdd",
    f"{NOTO}/NotoSansLao-Regular.ttf": "6c3de7db369e85cba20255d161eeeb3d934ea3c4c51e2574c2ddcce79a25025c",
    f"{NOTO}/NotoSansKhmer-Regular.ttf": "bc9a5e2afcee249849e409aabe6e22330c479b878ea3e59bf5e7c84482d7ee53",
    f"{NOTO}/NotoSansMyanmar-Regular.ttf": "3fe9a4babc12081adc979e0313433e6ec85bb3ad069681c23ee8d8ea8b91332b",
    f"{NOTO}/NotoSansEthiopic-Regular.ttf": "58bc43b062961b38ee45757d2e74e6a991a12011aa0399fb03004ac432e5c852",
    f"{NOTO}/NotoSansThaana-Regular.ttf": "241b4be4717d495a72cf7eb8e69891e63a6eb1cc18d98fa357f5af7f58c02446",
}

# DejaVu: Latin (with Latin Extended Additional for Vietnamese and spacing modifiers such as the
# okina), combining accents, monotonic Greek, Cyrillic, Armenian, Georgian, punctuation, currency
# signs, arrows, numero and trade mark, minus, circles.
LATIN = ("U+0020-024F,U+02B0-02FF,U+0300-036F,U+0370-03FF,U+0400-052F,U+0530-058F,"
         "U+10A0-10FF,U+1E00-1EFF,U+2000-206F,U+20A0-20C0,U+2116,U+2122,U+2190-21FF,U+2212,"
         "U+25CB-25CF")
# Shared by every other font: spaces, zero-width joiners, the dotted circle shapers put under a
# lone mark.
SHARED = "U+0020,U+00A0,U+200B-200D,U+2060,U+25CC"
INDIC_PUNCT = "U+0964-0965"

# (output file, source, unicodes, layout features)
SCRIPT_FONTS = [
    ("NotoSansHebrew-Regular.ttf", f"{NOTO}/NotoSansHebrew-Regular.ttf", "U+0590-05FF,U+FB1D-FB4F"),
    ("NotoSansHebrew-Bold.ttf", f"{NOTO}/NotoSansHebrew-Bold.ttf", "U+0590-05FF,U+FB1D-FB4F"),
    ("NotoSansArabic-Regular.ttf", f"{NOTO}/NotoSansArabic-Regular.ttf",
     "U+0600-06FF,U+0750-077F,U+08A0-08FF,U+FB50-FDFF,U+FE70-FEFF"),
    ("NotoSansArabic-Bold.ttf", f"{NOTO}/NotoSansArabic-Bold.ttf",
     "U+0600-06FF,U+0750-077F,U+08A0-08FF,U+FB50-FDFF,U+FE70-FEFF"),
    ("NotoSansDevanagari-Regular.ttf", f"{NOTO}/NotoSansDevanagari-Regular.ttf",
     "U+0900-097F,U+A8E0-A8FF,U+1CD0-1CFF"),
    ("NotoSansDevanagari-Bold.ttf", f"{NOTO}/NotoSansDevanagari-Bold.ttf",
     "U+0900-097F,U+A8E0-A8FF,U+1CD0-1CFF"),
    ("NotoSansThai-Regular.ttf", f"{NOTO}/NotoSansThai-Regular.ttf", "U+0E00-0E7F"),
    ("NotoSansThai-Bold.ttf", f"{NOTO}/NotoSansThai-Bold.ttf", "U+0E00-0E7F"),
    ("NotoSansBengali-Regular.ttf", f"{NOTO}/NotoSansBengali-Regular.ttf", f"U+0980-09FF,{INDIC_PUNCT}"),
    ("NotoSansTamil-Regular.ttf", f"{NOTO}/NotoSansTamil-Regular.ttf", f"U+0B80-0BFF,{INDIC_PUNCT}"),
    ("NotoSansTelugu-Regular.ttf", f"{NOTO}/NotoSansTelugu-Regular.ttf", f"U+0C00-0C7F,{INDIC_PUNCT}"),
    ("NotoSansKannada-Regular.ttf", f"{NOTO}/NotoSansKannada-Regular.ttf", f"U+0C80-0CFF,{INDIC_PUNCT}"),
    ("NotoSansMalayalam-Regular.ttf", f"{NOTO}/NotoSansMalayalam-Regular.ttf", f"U+0D00-0D7F,{INDIC_PUNCT}"),
    ("NotoSansGujarati-Regular.ttf", f"{NOTO}/NotoSansGujarati-Regular.ttf", f"U+0A80-0AFF,{INDIC_PUNCT}"),
    ("NotoSansGurmukhi-Regular.ttf", f"{NOTO}/NotoSansGurmukhi-Regular.ttf", f"U+0A00-0A7F,{INDIC_PUNCT}"),
    ("NotoSansOriya-Regular.ttf", f"{NOTO}/NotoSansOriya-Regular.ttf", f"U+0B00-0B7F,{INDIC_PUNCT}"),
    ("NotoSansSinhala-Regular.ttf", f"{NOTO}/NotoSansSinhala-Regular.ttf", "U+0D80-0DFF,U+111E0-111FF"),
    ("NotoSansLao-Regular.ttf", f"{NOTO}/NotoSansLao-Regular.ttf", "U+0E80-0EFF"),
    ("NotoSansKhmer-Regular.ttf", f"{NOTO}/NotoSansKhmer-Regular.ttf", "U+1780-17FF,U+19E0-19FF"),
    ("NotoSansMyanmar-Regular.ttf", f"{NOTO}/NotoSansMyanmar-Regular.ttf",
     "U+1000-109F,U+A9E0-A9FF,U+AA60-AA7F"),
    ("NotoSansEthiopic-Regular.ttf", f"{NOTO}/NotoSansEthiopic-Regular.ttf",
     "U+1200-139F,U+2D80-2DDF,U+AB00-AB2F"),
    ("NotoSansThaana-Regular.ttf", f"{NOTO}/NotoSansThaana-Regular.ttf", "U+0780-07BF"),
]
CJK_OUT = "NotoSansCJKjp-Regular.ttf"
# Kana, CJK punctuation, full- and half-width forms, Hangul compatibility jamo.
CJK_FIXED = "U+3000-303F,U+3040-309F,U+30A0-30FF,U+31F0-31FF,U+3131-318E,U+FF01-FF9F,U+FFE0-FFE6"


def check_sources():
    if fontTools.version != FONTTOOLS:
        sys.exit(f"fontTools {fontTools.version} installed; this script is pinned to {FONTTOOLS}")
    for path, want in SHA256.items():
        try:
            got = hashlib.sha256(open(path, "rb").read()).hexdigest()
        except FileNotFoundError:
            sys.exit(f"{path} is missing: install the Debian packages named in the docstring")
        if got != want:
            sys.exit(f"{path}: SHA-256 {got}, expected {want} (another package version)")


def gazetteer_chars():
    """Every character of the gazetteer's place names and normalised names (sections 0 and 4)."""
    data = open(GAZETTEER, "rb").read()
    if data[:8] != b"TRIPGAZ2":
        sys.exit(f"{GAZETTEER}: not a TRIPGAZ2 index")
    (count,) = struct.unpack_from("<I", data, 8)
    sections = [struct.unpack_from("<II", data, 12 + 8 * i) for i in range(count)]
    chars = set()
    for s in (0, 4):
        off, length = sections[s]
        chars |= set(data[off:off + length].decode("utf-8"))
    return chars


def euc_rows(codec, first, last):
    """The characters of an EUC double-byte codec in lead-byte rows first..last."""
    out = set()
    for b1 in range(first, last + 1):
        for b2 in range(0xA1, 0xFF):
            try:
                out.add(bytes([b1, b2]).decode(codec))
            except UnicodeDecodeError:
                pass
    return out


def big5_level1():
    """The 5,401 frequent characters of Big5 (lead bytes 0xA4-0xC6)."""
    out = set()
    for b1 in range(0xA4, 0xC7):
        for b2 in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            try:
                out.add(bytes([b1, b2]).decode("big5"))
            except UnicodeDecodeError:
                pass
    return out


def is_han(c):
    u = ord(c)
    return 0x3400 <= u <= 0x9FFF or 0xF900 <= u <= 0xFAFF or 0x20000 <= u <= 0x3FFFF


def is_hangul_syllable(c):
    return 0xAC00 <= ord(c) <= 0xD7A3


def cjk_unicodes():
    gaz = gazetteer_chars()
    han = euc_rows("gb2312", 0xB0, 0xD7) | euc_rows("euc_jp", 0xB0, 0xCF) | big5_level1()
    han = {c for c in han if is_han(c)} | {c for c in gaz if is_han(c)}
    hangul = {c for c in euc_rows("euc_kr", 0xB0, 0xC8) if is_hangul_syllable(c)}
    hangul |= {c for c in gaz if is_hangul_syllable(c)}
    print(f"CJK: {len(han)} Han, {len(hangul)} Hangul syllables", file=sys.stderr)
    listed = ",".join(f"U+{ord(c):04X}" for c in sorted(han | hangul))
    return f"{CJK_FIXED},{SHARED},{listed}"


def subset_font(src, unicodes, features, out, font_number=0):
    options = subset.Options()
    options.layout_features = features
    options.hinting = False
    options.desubroutinize = True
    options.font_number = font_number
    font = subset.load_font(src, options, dontLoadGlyphNames=True)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(unicodes))
    subsetter.subset(font)
    return font


def cff_to_glyf(font, max_err=1.0):
    """Replaces CFF outlines by TrueType ones (cubic curves approximated by quadratic ones)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                  "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                  "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["head"].indexToLocFormat = 0
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"
    font.recalcBBoxes = True


def save(font, path):
    buf = io.BytesIO()
    font.save(buf)
    open(path, "wb").write(buf.getvalue())
    print(f"{os.path.basename(path):34} {len(buf.getvalue()):>9,} bytes", file=sys.stderr)


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else "data/fonts"
    check_sources()
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        save(subset_font(f"{DEJAVU}/{name}", LATIN, ["kern", "liga"], None),
             f"{out_dir}/{name}")
    for out, src, unicodes in SCRIPT_FONTS:
        save(subset_font(src, f"{unicodes},{SHARED}", ["*"], None), f"{out_dir}/{out}")
    cjk = subset_font(NOTO_CJK, cjk_unicodes(), ["ccmp", "kern"], None, font_number=0)
    cff_to_glyf(cjk)
    save(cjk, f"{out_dir}/{CJK_OUT}")


if __name__ == "__main__":
    main()
