#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later

"""make_markup.py: writes the HTML and XML fixtures of one sample directive
(corpus/004_*.txt) the way such files arrive: a news-site web page with its
navigation, scripts, sidebar, footer and furniture; our own XML corpus
schema; Akoma Ntoso with <ref> elements around the citations. Every line of
the .txt is one paragraph, so each file carries the same directive (the XML
ones without the web page's furniture at its end).

Run from the repository root: python3 tests/data/formats/make_markup.py
"""
import glob
import html
import os
import re

OUT = os.path.dirname(os.path.abspath(__file__))
SOURCE = sorted(glob.glob("corpus/004_*.txt"))[0]
CITATION = re.compile(r"(Nghị quyết|Quyết định|Chỉ thị|Quy định|Kết luận) số "
                      r"(\d+)-([A-ZĐ]+)/([A-ZĐ]+)")


def lines():
    with open(SOURCE, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip()]


def directive(paragraphs):
    """The directive without the web page's tail: what follows the page's
    "File: …" label is the site's furniture."""
    for i, p in enumerate(paragraphs):
        if p.startswith("File: "):
            return paragraphs[:i + 1]
    return paragraphs


def write(name, text):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write(text)


def web_page(paragraphs):
    body = "\n".join("      <p>%s</p>" % html.escape(p) for p in paragraphs)
    return """<!DOCTYPE html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <title>Kế hoạch công tác năm 2018 của Ban Dân vận Trung ương</title>
  <style>body { font-family: Arial } .menu { color: red }</style>
  <script>var tracker = "Nghị quyết số 99-NQ/TW ngày 01/01/2099";</script>
</head>
<body>
  <header><a href="/">Trang chủ</a> Ban Dân vận Trung ương <form><input name="q"> Tìm kiếm</form></header>
  <nav><ul><li><a href="/tin-tuc">Tin tức</a></li><li>Văn bản mới ngày 02/02/2099</li></ul></nav>
  <main>
    <article>
%s
      <div class="share"><a href="#">Gửi cho bạn bè</a></div>
      <div class="login">Bạn cần đăng nhập để gửi phản hồi.</div>
      <table class="meta"><tr><td>Lượt xem: 1.024</td></tr></table>
    </article>
  </main>
  <aside><h3>Tin liên quan</h3><ul><li>Chỉ thị số 98-CT/TW ngày 03/03/2099</li></ul></aside>
  <footer>Bản quyền thuộc về Ban Dân vận Trung ương. <script>track();</script></footer>
</body>
</html>
""" % body


def corpus_xml(paragraphs):
    body = "\n".join("    <p>%s</p>" % html.escape(p) for p in paragraphs)
    return """<?xml version="1.0" encoding="UTF-8"?>
<directive>
  <meta>
    <title>Kế hoạch công tác năm 2018</title>
    <type>Kế hoạch</type>
    <number>1600-KH/BDVTW</number>
    <issuer>Ban Dân vận Trung ương</issuer>
    <date>2018-02-28</date>
  </meta>
  <body>
%s
  </body>
</directive>
""" % body


def with_refs(paragraph):
    def ref(m):
        href = "/akn/vn/doc/%s-%s-%s" % (m.group(2), m.group(3), m.group(4))
        return '<ref href="%s">%s</ref>' % (html.escape(href), m.group(0))
    return CITATION.sub(ref, html.escape(paragraph, quote=False))


def akoma_ntoso(paragraphs):
    body = "\n".join("        <p>%s</p>" % with_refs(p) for p in paragraphs)
    return """<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <doc name="kehoach">
    <meta>
      <identification source="#bdvtw">
        <FRBRWork>
          <FRBRthis value="/akn/vn/doc/kehoach/2018-02-28/1600/!main"/>
          <FRBRuri value="/akn/vn/doc/kehoach/2018-02-28/1600"/>
          <FRBRdate date="2018-02-28" name="Generation"/>
          <FRBRauthor href="#bdvtw"/>
          <FRBRcountry value="vn"/>
          <FRBRnumber value="1600-KH/BDVTW"/>
          <FRBRname value="Kế hoạch công tác năm 2018"/>
        </FRBRWork>
      </identification>
    </meta>
    <mainBody>
      <container name="text">
%s
      </container>
    </mainBody>
  </doc>
</akomaNtoso>
""" % body


def main():
    paragraphs = lines()
    write("004.html", web_page(paragraphs))
    write("004.xml", corpus_xml(directive(paragraphs)))
    write("004.akn.xml", akoma_ntoso(directive(paragraphs)))


if __name__ == "__main__":
    main()
