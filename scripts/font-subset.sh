#!/usr/bin/env bash
# Regenerates the bundled Chinese font subset: every CJK character the lab's Chinese text uses,
# cut from Debian's Noto Sans CJK SC, as public/fonts/lab-cjk-subset.woff2 (+ its OFL licence), and
# the character list src/i18n/cjk-glyphs.json that src/i18n/cjk-glyphs.test.ts checks the sources
# against. Run it after adding Chinese text. Needs (Debian): fonts-noto-cjk python3-fonttools python3-brotli.
# The build does not run this: the generated files are committed.
set -euo pipefail
cd "$(dirname "$0")/.."
SRC_FONT=${SRC_FONT:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}
FONT_NUMBER=2 # index of "Noto Sans CJK SC" in the collection (0 JP, 1 KR, 2 SC, 3 TC, 4 HK)
OUT=public/fonts/lab-cjk-subset.woff2
GLYPHS=src/i18n/cjk-glyphs.json
PY=/usr/bin/python3 # Debian's python, where python3-fonttools lives (not a pyenv shim)

for need in "$SRC_FONT" /usr/share/doc/fonts-noto-cjk/copyright; do
  [ -e "$need" ] || { echo "font-subset: $need is missing (apt-get install fonts-noto-cjk)" >&2; exit 1; }
done
"$PY" -c 'import fontTools.subset, brotli' 2>/dev/null ||
  { echo "font-subset: apt-get install python3-fonttools python3-brotli" >&2; exit 1; }

# The same file set and the same character classes as src/i18n/cjk-glyphs.test.ts: every source
# file but tests (catalogues, lessons, the terminal's and the lesson panel's own strings).
FILES=$(find src \( -name '*.ts' -o -name '*.tsx' \) ! -name '*.test.ts' ! -name '*.test.tsx' -print | sort)

"$PY" - "$SRC_FONT" "$FONT_NUMBER" "$OUT" "$GLYPHS" $FILES <<'PY'
import json, re, sys
from fontTools import subset
from fontTools.ttLib import TTCollection

src, number, out, glyphs_path, *files = sys.argv[1:]
CJK = re.compile('[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]')
chars = sorted({c for f in files for c in CJK.findall(open(f, encoding='utf-8').read())})
text = ''.join(chars)

font = TTCollection(src).fonts[int(number)]
options = subset.Options()
options.flavor = 'woff2'
options.hinting = False
options.desubroutinize = True
# Horizontal Simplified Chinese only: no vertical or other-locale alternates (they double the size).
options.layout_features = []
options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
options.notdef_outline = True
s = subset.Subsetter(options)
s.populate(text=text)
s.subset(font)
# A modified version under the OFL: its own family name (Noto CJK reserves "Source").
for rec in font['name'].names:
    if rec.nameID in (1, 4):
        rec.string = 'Lab CJK Subset'
    elif rec.nameID in (3, 6):
        rec.string = 'LabCJKSubset-Regular'
font.recalcTimestamp = False  # same sources, same bytes
subset.save_font(font, out, options)
with open(glyphs_path, 'w', encoding='utf-8') as fh:
    json.dump({'font': 'Noto Sans CJK SC Regular (Debian fonts-noto-cjk), subset by scripts/font-subset.sh',
               'count': len(chars), 'chars': text}, fh, ensure_ascii=False, indent=2)
    fh.write('\n')
print(f'{len(chars)} characters from {len(files)} files')
PY

# The licence travels with the font: Debian's copyright holds the SIL OFL 1.1 text.
{
  echo "lab-cjk-subset.woff2 is a subset of Noto Sans CJK SC Regular, renamed \"Lab CJK Subset\"."
  echo "Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'."
  echo "Licensed under the SIL Open Font License, Version 1.1:"
  echo
  awk '/^License: SIL-1.1$/ {on=1; n++; next} on && /^(Files|License):/ {on=0} on && n == 2' \
    /usr/share/doc/fonts-noto-cjk/copyright | sed -e 's/^ //' -e 's/^\.$//'
} > public/fonts/OFL.txt

echo "$OUT: $(stat -c %s "$OUT") bytes"
