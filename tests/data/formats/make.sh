#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later

# make.sh: makes the DOCX and PDF fixtures of test_read_docx and test_read_pdf.
# Needs python3 and, for the directive's DOCX and PDF, LibreOffice
# (apt-get install --no-install-recommends libreoffice-writer-nogui); the
# outputs are committed, so the tests need neither.
#
#   directive.docx, directive.pdf  corpus/001_*.txt, a paragraph per line
#                                  (through HTML, its first line the title),
#                                  the last two lines on a second page
#   directive_truncated.docx       the first half of directive.docx
#   table_footnote.docx            a table, footnotes, tabs, a title; a
#                                  .VnTimeH paragraph mark (no run's font)
#   vntime.docx, vni_defaults.docx TCVN3 runs; VNI-Times document defaults
#                                  (for w:hAnsi only)
#   laughs.docx                    a billion-laughs DOCTYPE in document.xml
#   bomb.docx                      document.xml: 300 MB of zeros, DEFLATE
#   ratio_bomb.docx                document.xml: 2 MiB of zeros (1000:1)
#   lying_bomb.docx                20 MiB of zeros declared as 1,000 bytes
#   not_docx.docx                  a ZIP without word/document.xml (an ODT)
#   malformed.docx                 document.xml not well-formed
#   entity_utf16.docx              an entity declared in UTF-16 XML
#   encrypted.pdf                  directive.pdf with an open password
#   pages.pdf                      10,001 empty pages (object streams)
#   scan.pdf                       one page holding only an image
#   damaged.pdf                    a PDF header and garbage
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$root"/corpus/001_*.txt "$tmp/directive.html" <<'PY'
import html, sys
lines = [l.strip() for l in open(sys.argv[1], encoding="utf-8")]
lines = [l for l in lines if l]
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write('<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
            "<title>%s</title></head><body>\n" % html.escape(lines[0]))
    for i, l in enumerate(lines):
        # The signature on a second page.
        style = ' style="page-break-before: always"' if i == len(lines) - 2 else ""
        f.write("<p%s>%s</p>\n" % (style, html.escape(l)))
    f.write("</body></html>\n")
PY
lo() {
	soffice -env:UserInstallation="file://$tmp/profile" --headless "$@" >/dev/null
}
lo --infilter="HTML (StarWriter)" --convert-to docx:"MS Word 2007 XML" \
	--outdir "$tmp" "$tmp/directive.html"
lo --convert-to pdf:writer_pdf_Export --outdir "$tmp" "$tmp/directive.docx"
lo --convert-to 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}' \
	--outdir "$tmp/encrypted" "$tmp/directive.docx"
cp "$tmp/directive.docx" "$tmp/directive.pdf" "$here/"
cp "$tmp/encrypted/directive.pdf" "$here/encrypted.pdf"
size=$(wc -c < "$here/directive.docx")
head -c $((size / 2)) "$here/directive.docx" > "$here/directive_truncated.docx"

python3 - "$here" <<'PY'
import struct, sys, zipfile, zlib

out = sys.argv[1]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TYPES = ('<?xml version="1.0" encoding="UTF-8"?>\n'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
         '</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '</Relationships>')

def body(xml):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:document xmlns:w="%s" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
            '<w:body>%s<w:sectPr/></w:body></w:document>' % (W, xml))

def docx(name, parts, method=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile("%s/%s" % (out, name), "w", method) as z:
        z.writestr("[Content_Types].xml", TYPES)
        z.writestr("_rels/.rels", RELS)
        for part, data in parts.items():
            z.writestr(part, data)

def p(*runs, ppr=""):
    return "<w:p>%s%s</w:p>" % (ppr, "".join(runs))

def r(text, font=None):
    rpr = '<w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s"/></w:rPr>' % (font, font) if font else ""
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (rpr, text)

def tc(*paras):
    return "<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr>%s</w:tc>" % "".join(paras)

table = ("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid/>"
         "<w:tr>%s</w:tr><w:tr>%s</w:tr></w:tbl>" % (
             tc(p(r("Số, ký hiệu"))) + tc(p(r("Trích yếu"))),
             tc(p(r("25"), "<w:r><w:noBreakHyphen/></w:r>", r("NQ/TW"))) +
             tc(p(r("Tăng cường công tác")), p(r("dân vận")))))
doc = body(
    p(r("ĐẢNG CỘNG SẢN VIỆT NAM"),
      ppr='<w:pPr><w:rPr><w:rFonts w:ascii=".VnTimeH" w:hAnsi=".VnTimeH"/></w:rPr></w:pPr>') +
    p(r("Số 15"), "<w:r><w:tab/></w:r>", r("CT/TU"),
      ppr='<w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>') +
    p(r("Thực hiện Nghị quyết"), '<w:r><w:footnoteReference w:id="1"/></w:r>',
      r(" số 25-NQ/TW,"), "<w:r><w:br/></w:r>", r("dòng sau")) +
    table +
    p('<mc:AlternateContent><mc:Choice Requires="wps">%s</mc:Choice>'
      '<mc:Fallback>%s</mc:Fallback></mc:AlternateContent>' % (r("Hộp chữ"), r("Hộp chữ"))) +
    p("<w:del><w:r><w:delText>đã xoá</w:delText></w:r></w:del>", r("Nơi nhận")))
notes = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<w:footnotes xmlns:w="%s">'
         '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/><w:t>SEP</w:t></w:r></w:p></w:footnote>'
         '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:t>CONT</w:t></w:r></w:p></w:footnote>'
         '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>%s</w:p></w:footnote>'
         '</w:footnotes>' % (W, r(" Nghị quyết Hội nghị lần thứ bảy Ban Chấp hành Trung ương khoá IX.")))
core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        '<dc:title>  Chỉ thị\n số 15-CT/TU  </dc:title>'
        '<dcterms:created xsi:type="dcterms:W3CDTF">2017-06-07T09:00:00Z</dcterms:created>'
        '</cp:coreProperties>')
docx("table_footnote.docx", {"word/document.xml": doc, "word/footnotes.xml": notes,
                             "docProps/core.xml": core})

# TCVN3 bytes read as windows-1252: "Chỉ thị" is "ChØ thÞ".
docx("vntime.docx", {"word/document.xml": body(
    p(r("Unicode")) + p(r("ChØ thÞ", ".VnTime")))})
styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<w:styles xmlns:w="%s"><w:docDefaults><w:rPrDefault><w:rPr>'
          '<w:rFonts w:ascii="Times New Roman" w:hAnsi="VNI-Times"/></w:rPr></w:rPrDefault>'
          '</w:docDefaults></w:styles>' % W)
docx("vni_defaults.docx", {"word/document.xml": body(p(r("Chæ thò"))),
                           "word/styles.xml": styles})

laughs = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n' +
          "".join('<!ENTITY lol%d "%s">\n' % (i, ("&lol%s;" % ("" if i == 1 else i - 1)) * 10)
                  for i in range(1, 10)) +
          ']>\n<w:document xmlns:w="%s"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
          '</w:body></w:document>' % W)
docx("laughs.docx", {"word/document.xml": laughs})
entity = ('<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE d [<!ENTITY e "chỉ thị">]>\n'
          '<w:document xmlns:w="%s"><w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p>'
          '</w:body></w:document>' % W)
docx("entity_utf16.docx", {"word/document.xml": entity.encode("utf-16")})
docx("malformed.docx", {"word/document.xml": body(p(r("mở"))).replace("</w:body>", "")})

def bomb(name, size):
    with zipfile.ZipFile("%s/%s" % (out, name), "w", zipfile.ZIP_DEFLATED,
                         compresslevel=9) as z:
        z.writestr("[Content_Types].xml", TYPES)
        with z.open("word/document.xml", "w", force_zip64=False) as f:
            chunk = b"\0" * (1 << 20)
            for _ in range(size >> 20):
                f.write(chunk)

bomb("bomb.docx", 300 << 20)
bomb("ratio_bomb.docx", 2 << 20)
bomb("lying_bomb.docx", 20 << 20)
# Both headers of document.xml now declare 1,000 bytes uncompressed.
path = "%s/lying_bomb.docx" % out
data = bytearray(open(path, "rb").read())
name = b"word/document.xml"
for sig, off in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
    at = 0
    while (at := data.find(sig, at)) >= 0:
        nameoff = 30 if sig == b"PK\x03\x04" else 46
        if data[at + nameoff:at + nameoff + len(name)] == name:
            struct.pack_into("<I", data, at + off, 1000)
        at += 4
open(path, "wb").write(data)

with zipfile.ZipFile("%s/not_docx.docx" % out, "w") as z:
    z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    z.writestr("content.xml", "<office:document-content/>")

# A page holding an 8x8 gray image and nothing else.
img = zlib.compress(bytes(range(0, 256, 4)))
objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % len(img)
        + img + b"\nendstream",
        b"<< /Length 38 >>\nstream\nq 500 0 0 700 47 70 cm /Im1 Do Q    \nendstream"]
pdf = bytearray(b"%PDF-1.4\n")
offsets = []
for i, o in enumerate(objs, 1):
    offsets.append(len(pdf))
    pdf += b"%d 0 obj\n" % i + o + b"\nendobj\n"
xref = len(pdf)
pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
pdf += b"".join(b"%010d 00000 n \n" % off for off in offsets)
pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open("%s/scan.pdf" % out, "wb").write(pdf)

# 10,001 pages: the page tree and the pages in one compressed object stream
# (objects 2..10003), found through a cross-reference stream (10005).
n = 10001
inner = [b"<</Type/Pages/Count %d/MediaBox[0 0 10 10]/Kids[%s]>>"
         % (n, b" ".join(b"%d 0 R" % (3 + i) for i in range(n)))]
inner += [b"<</Type/Page/Parent 2 0 R>>"] * n
head, body_ = [], bytearray()
for i, o in enumerate(inner):
    head.append(b"%d %d" % (2 + i, len(body_)))
    body_ += o + b" "
head = b" ".join(head) + b" "
stm = zlib.compress(head + body_, 9)
pdf = bytearray(b"%PDF-1.5\n")
cat = len(pdf)
pdf += b"1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n"
ostm = len(pdf)
pdf += (b"10004 0 obj\n<</Type/ObjStm/N %d/First %d/Filter/FlateDecode/Length %d>>\nstream\n"
        % (len(inner), len(head), len(stm)) + stm + b"\nendstream\nendobj\n")
xref = len(pdf)
rows = [struct.pack(">BIH", 0, 0, 65535), struct.pack(">BIH", 1, cat, 0)]
rows += [struct.pack(">BIH", 2, 10004, i) for i in range(len(inner))]
rows += [struct.pack(">BIH", 1, ostm, 0), struct.pack(">BIH", 1, xref, 0)]
xs = zlib.compress(b"".join(rows), 9)
pdf += (b"10005 0 obj\n<</Type/XRef/Size 10006/W[1 4 2]/Root 1 0 R/Filter/FlateDecode"
        b"/Length %d>>\nstream\n" % len(xs) + xs + b"\nendstream\nendobj\n")
pdf += b"startxref\n%d\n%%%%EOF\n" % xref
open("%s/pages.pdf" % out, "wb").write(pdf)

open("%s/damaged.pdf" % out, "wb").write(b"%PDF-1.7\n" + bytes(range(256)) * 4)
PY
