#!/usr/bin/env python3
"""Rebuilds NotoSansCJKkr-Regular-subset.otf from Debian's fonts-noto-cjk.

Needs python3-fonttools. Usage: python3 assets/subset-cjk-font.py [NotoSansCJK-Regular.ttc]
"""
import sys
from fontTools import subset

SOURCE = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
KR_FACE = "1"  # the collection's faces: 0 JP, 1 KR, 2 SC, 3 TC, 4 HK


def encodable(char):
    for encoding in ("euc_kr", "shift_jis", "gb2312", "big5"):
        try:
            char.encode(encoding)
            return True
        except UnicodeEncodeError:
            pass
    return False


# The Han characters Korean, Japanese and Chinese titles are written with: what the national
# legacy encodings can encode (16,411 of the 20,992 in the unified block).
han = [f"U+{c:04X}" for c in range(0x4E00, 0xA000) if encodable(chr(c))]
ranges = [
    "U+0020-024F", "U+0370-03FF", "U+0400-04FF",  # Latin, Greek, Cyrillic
    "U+2000-206F", "U+20A0-20CF", "U+2100-218F", "U+2190-21FF",  # punctuation, currency, arrows
    "U+2460-24FF", "U+2500-257F", "U+25A0-25FF", "U+2600-26FF",  # enclosed, boxes, shapes, ★
    "U+3000-303F", "U+3040-30FF", "U+31F0-31FF",  # CJK punctuation, kana
    "U+1100-11FF", "U+3130-318F", "U+AC00-D7A3",  # Hangul jamo and syllables
    "U+FF00-FFEF",  # fullwidth forms
]
subset.main([
    SOURCE,
    f"--font-number={KR_FACE}",
    "--layout-features=",
    "--no-hinting",
    "--unicodes=" + ",".join(ranges + han),
    "--output-file=assets/NotoSansCJKkr-Regular-subset.otf",
])
