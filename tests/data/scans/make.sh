#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later

# make.sh: makes the scanned-directive fixtures of test_ocr: two sample
# directives set in DejaVu Serif 12 pt on A4 pages by ImageMagick (convert's
# caption:), degraded by it, and wrapped into PDFs that hold only those
# page images (no text layer), so that the true text of each scan is known.
# Needs python3, imagemagick and fonts-dejavu-core (apt-get install
# imagemagick fonts-dejavu-core); the outputs are committed, so the tests
# need none of them.
#
#   d001_300_grey.pdf   corpus/001_*.txt, 300 dpi, 8-bit grey
#   d001_200_bw.pdf     corpus/001_*.txt, 200 dpi, bitonal
#   d000_300_skew.pdf   corpus/000_*.txt (its first 16 lines), 300 dpi
#                       grey, turned by 2 degrees
#   d000_200_noise.pdf  the same lines, 200 dpi bitonal, speckle noise
#   *.txt               the true text of each: the lines that were set,
#                       white space folded
#   blank.pdf           a page with nothing but speckles
#   d002_300_grey.png   corpus/002_*.txt (its first 10 lines), one PNG page,
#                       300 dpi, 8-bit grey
#   d001_200_bw.tif     corpus/001_*.txt, a TIFF of two pages, 200 dpi,
#                       bitonal (CCITT Group 4)
#   d003_200_grey.jpg   corpus/003_*.txt (its first 7 lines), one JPEG page,
#                       200 dpi grey
#   d002_scan.docx      a DOCX whose body is only the PNG above, drawn
#                       (a:blip r:embed) as Word pastes a scan
#   d003_text.docx      a DOCX whose body is corpus/003_*.txt's first 7
#                       lines as text, then an image of the top of their
#                       page (bitonal): OCR reads it only with --ocr always
#
# An output ending in .png, .jpg or .tif is the page images themselves;
# one in .docx, a minimal DOCX (python3's zipfile) drawing the one page.
# ImageMagick's policy refuses to write PDFs, so the PDFs are written here:
# each page is a PNG (unfiltered rows, not interlaced) whose compressed data
# is the image's FlateDecode stream with PNG predictors, as PDF reads them.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# out corpus-file lines dpi grey|bw [convert options]
scan() {
	python3 - "$tmp" "$here" "$@" <<'PY'
import re, struct, subprocess, sys
tmp, here, out, src, nlines, dpi, kind = sys.argv[1:8]
degrade, dpi = sys.argv[8:], int(dpi)
lines = [re.sub(r"\s+", " ", l).strip() for l in open(src, encoding="utf-8")]
lines = [l for l in lines if l][: int(nlines)]
open("%s/%s.txt" % (here, out.rsplit(".", 1)[0]), "w", encoding="utf-8").write("\n".join(lines) + "\n")
# Pages of about 2,000 characters; paragraphs set in pieces of at most 500
# (caption: refuses longer ones).
pages, page, size = [], [], 0
for l in lines:
    if page and size + len(l) > 2000:
        pages.append(page)
        page, size = [], 0
    size += len(l)
    while len(l) > 500:
        cut = l.rindex(" ", 0, 500)
        page.append(l[:cut])
        l = l[cut + 1:]
    page.append(l)
pages.append(page)
w, h, m = dpi * 827 // 100, dpi * 1169 // 100, dpi * 9 // 10
if kind == "bw":
    tone = ["-threshold", "55%", "-define", "png:bit-depth=1"]
else:
    tone = ["-colorspace", "Gray", "-depth", "8", "-define", "png:bit-depth=8"]
pngs = []
for i, p in enumerate(pages):
    png = "%s/page-%d.png" % (tmp, i)
    cmd = ["convert", "-density", str(dpi), "-font", "DejaVu-Serif", "-pointsize", "12",
           "-size", "%dx" % (w - 2 * m)]
    cmd += ["caption:" + piece for piece in p]
    cmd += ["-append", "-bordercolor", "white", "-border", str(m), "-gravity", "north",
            "-extent", "%dx%d" % (w, h)] + degrade + tone
    cmd += ["-define", "png:color-type=0", "-define", "png:compression-filter=0", png]
    subprocess.run(cmd, check=True)
    pngs.append(png)

res = ["-units", "PixelsPerInch", "-density", str(dpi), "-define", "png:exclude-chunks=date,time"]
if out.endswith(".png"):
    subprocess.run(["convert", pngs[0]] + res + [here + "/" + out], check=True)
if out.endswith(".jpg"):
    subprocess.run(["convert", pngs[0], "-quality", "75"] + res + [here + "/" + out], check=True)
if out.endswith(".tif"):
    subprocess.run(["convert"] + pngs + ["-compress", "Group4"] + res + [here + "/" + out],
                   check=True)
if out.endswith(".docx"):
    import zipfile
    text = out.endswith("_text.docx")
    crop = ["-crop", "%dx%d+0+0" % (w, dpi * 2), "-threshold", "55%", "-define",
            "png:bit-depth=1"] if text else []
    subprocess.run(["convert", pngs[0]] + crop + res + [tmp + "/scan.png"], check=True)
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pic = ('<w:p><w:r><w:drawing><wp:inline><wp:extent cx="5943600" cy="8401050"/>'
           '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
           '<pic:pic><pic:blipFill><a:blip r:embed="rIdScan"/></pic:blipFill></pic:pic>'
           '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>')
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document '
           'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
           'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
           'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
           'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
           'xmlns:r="%s"><w:body>%s%s<w:sectPr/></w:body></w:document>'
           % (rel, "".join("<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % l.replace("&", "&amp;")
                           .replace("<", "&lt;") for l in lines) if text else "", pic))
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
            'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rIdScan" Type="%s/image" Target="media/image1.png"/>'
            '</Relationships>' % rel)
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types '
             'xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="png" ContentType="image/png"/>'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Override PartName="/word/document.xml" ContentType="application/'
             'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    with zipfile.ZipFile(here + "/" + out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("[Content_Types].xml", types), ("word/document.xml", doc),
                           ("word/_rels/document.xml.rels", rels)):
            z.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), data,
                       zipfile.ZIP_DEFLATED)
        z.writestr(zipfile.ZipInfo("word/media/image1.png", (2026, 1, 1, 0, 0, 0)),
                   open(tmp + "/scan.png", "rb").read(), zipfile.ZIP_STORED)
if not out.endswith(".pdf"):
    sys.exit(0)

objs = []
def obj(b):
    objs.append(b)
    return len(objs)
placed = []
for png in pngs:
    d = open(png, "rb").read()
    pos, idat, hdr = 8, b"", None
    while pos < len(d):
        n, chunk = struct.unpack(">I4s", d[pos:pos + 8])
        body = d[pos + 8:pos + 8 + n]
        if chunk == b"IHDR":
            hdr = struct.unpack(">IIBBBBB", body)
        elif chunk == b"IDAT":
            idat += body
        pos += 12 + n
    iw, ih, depth, ctype, _, _, interlace = hdr
    assert ctype == 0 and interlace == 0, png
    img = obj(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
              b"/BitsPerComponent %d /Filter /FlateDecode /DecodeParms << /Predictor 15 "
              b"/Colors 1 /BitsPerComponent %d /Columns %d >> /Length %d >>\nstream\n"
              % (iw, ih, depth, depth, iw, len(idat)) + idat + b"\nendstream")
    pw, ph = iw * 72.0 / dpi, ih * 72.0 / dpi
    draw = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (pw, ph)
    content = obj(b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream")
    placed.append((img, content, pw, ph))
tree_id = len(objs) + len(placed) + 1
kids = [obj(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] "
            b"/Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>"
            % (tree_id, pw, ph, img, content)) for img, content, pw, ph in placed]
obj(b"<< /Type /Pages /Kids [%s] /Count %d >>"
    % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
cat = obj(b"<< /Type /Catalog /Pages %d 0 R >>" % tree_id)
pdf, offs = b"%PDF-1.4\n", []
for i, o in enumerate(objs, 1):
    offs.append(len(pdf))
    pdf += b"%d 0 obj\n" % i + o + b"\nendobj\n"
xref = len(pdf)
pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
pdf += b"".join(b"%010d 00000 n \n" % o for o in offs)
pdf += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, cat, xref)
open("%s/%s" % (here, out), "wb").write(pdf)
PY
}

d001=$(echo "$root"/corpus/001_*.txt)
d000=$(echo "$root"/corpus/000_*.txt)
scan d001_300_grey.pdf "$d001" 100 300 grey
scan d001_200_bw.pdf "$d001" 100 200 bw
scan d000_300_skew.pdf "$d000" 16 300 grey -background white -rotate 2
scan d000_200_noise.pdf "$d000" 16 200 bw -attenuate 0.03 +noise Impulse
scan d002_300_grey.png "$(echo "$root"/corpus/002_*.txt)" 10 300 grey
scan d002_scan.docx "$(echo "$root"/corpus/002_*.txt)" 10 300 grey
scan d003_text.docx "$(echo "$root"/corpus/003_*.txt)" 7 300 grey
scan d001_200_bw.tif "$d001" 100 200 bw
scan d003_200_grey.jpg "$(echo "$root"/corpus/003_*.txt)" 7 200 grey
# A scan with nothing to read: the page blanked, its speckles left.
scan blank.pdf "$d000" 3 100 bw -fill white -colorize 100 -attenuate 0.3 +noise Impulse
rm "$here/blank.txt"
