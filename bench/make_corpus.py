#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later

"""Deterministic generator of Vietnamese directive-like plain-text documents.

Usage: make_corpus.py --docs N --seed S --out DIR

Writes DIR/docs/NNNNNN.txt (UTF-8), DIR/truth.jsonl (ground truth: doc number,
date, title, citations, dates per document) and DIR/corpus_info.json.

Sentence sources (python3 stdlib only, read at run time):
  * the repository's corpus/*.txt            (real party directives, weighted up)
  * /usr/share/libreoffice/help/vi/**/*.html  (apt: libreoffice-help-vi)
  * /usr/share/doc/maint-guide-vi/html/*.html (apt: maint-guide-vi)
  * /usr/share/man/vi/**/*.gz                 (apt: manpages-vi)
Missing sources are skipped (the seeds alone suffice, with less variety).
Where dpkg lists a package's files, only those are read: another package's
files in the same folders (po-debconf's Vietnamese manual pages) do not
change the corpus. Output is deterministic for a given seed and set of
installed sources.
"""
import argparse
import glob
import gzip
import hashlib
import html.parser
import json
import math
import os
import random
import re
import sys
import unicodedata

# bench/ is in the repository: its corpus/ holds the sample directives
SEED_GLOB = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "corpus", "*.txt")
LO_GLOB = "/usr/share/libreoffice/help/vi/**/*.html"
MG_GLOB = "/usr/share/doc/maint-guide-vi/html/*.html"
MAN_GLOB = "/usr/share/man/vi/**/*.gz"

VI_CHARS = set("àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ")
VI_CHARS |= {c.upper() for c in VI_CHARS}

# ----------------------------------------------------------------- sources


class _TextHTML(html.parser.HTMLParser):
    BLOCK = {"p", "h1", "h2", "h3", "h4", "li", "td", "div", "br", "title"}
    SKIP = {"script", "style", "head", "pre", "code", "header", "aside"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCK:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def html_text(path):
    p = _TextHTML()
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            p.feed(f.read())
    except Exception:
        return ""
    return "".join(p.out)


def man_text(path):
    try:
        with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
            raw = f.read()
    except Exception:
        return ""
    lines = []
    for ln in raw.splitlines():
        if ln.startswith((".", "'")):
            lines.append("")  # macro line = paragraph break
            continue
        ln = re.sub(r"\\f[BIRP]|\\f\(..|\\[/,&]|\\\*\(..|\\\(..", "", ln)
        ln = ln.replace("\\-", "-").replace("\\ ", " ").replace("\\e", "\\")
        lines.append(ln)
    return "\n".join(lines)


SENT_SPLIT = re.compile(r"(?<=[.!?;])\s+(?=[A-ZÀ-ỸĐ“\"(])|\n\s*\n|\n(?=[-–•+*])")
# sentences that already contain document numbers or full dates are dropped so
# that truth.jsonl lists every citation/date present in the generated text
NUMLIKE = re.compile(r"\d+\s*-\s*[A-ZĐ]{1,6}\s*/|\d+/\s*(?:\d{4}/)?[A-ZĐ]{1,6}[-/]|\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|\d{1,2}/\d{1,2}\b|tháng \d+ năm \d+")
EMPTY = re.compile(r"\s[,.;:]|\(\s*\)|«\s*»|“\s*”|\"\s*\"|\+")
BAD = re.compile(r"[<>{}\[\]|\\=_#@$%^~`]|https?:|www\.|\.html|\.(?:ods|odt|xml)\b|\bCtrl\b|\bLibreOffice\b|\bDebian\b|\bdeb\b", re.I)


def vi_ratio(s):
    words = s.split()
    if not words:
        return 0.0
    return sum(1 for w in words if any(c in VI_CHARS for c in w)) / len(words)


def sentences_from(text, min_len=35, max_len=420, min_ratio=0.35):
    text = unicodedata.normalize("NFC", text)
    out = []
    for para in re.split(r"\n\s*\n", text):
        para = re.sub(r"\s+", " ", para).strip()
        if not para:
            continue
        for s in SENT_SPLIT.split(para):
            s = s.strip(" -–•+*\t")
            if not (min_len <= len(s) <= max_len):
                continue
            if BAD.search(s) or NUMLIKE.search(s) or EMPTY.search(s):
                continue
            if vi_ratio(s) < min_ratio:
                continue
            if not s[0].isupper() and not s[0].isdigit():
                continue
            if s[-1] not in ".;:!?”\")":
                s = s + "."
            out.append(s)
    return out


def package_files(package, pattern):
    """The files matching pattern, those of package only when dpkg lists them."""
    files = sorted(glob.glob(pattern, recursive=True))
    listing = os.path.join("/var/lib/dpkg/info", package + ".list")
    if os.path.exists(listing):
        with open(listing, encoding="utf-8", errors="replace") as f:
            owned = {ln.rstrip("\n") for ln in f}
        files = [p for p in files if p in owned]
    return files


def load_pools():
    seed_sents, other_sents, stats = [], [], {}
    for path in sorted(glob.glob(SEED_GLOB)):
        with open(path, encoding="utf-8", errors="replace") as f:
            txt = f.read()
        seed_sents += sentences_from(txt, min_len=30, max_len=600, min_ratio=0.3)
    stats["seed_files"] = len(glob.glob(SEED_GLOB))
    for name, pattern, fn in (("libreoffice-help-vi", LO_GLOB, html_text),
                              ("maint-guide-vi", MG_GLOB, html_text),
                              ("manpages-vi", MAN_GLOB, man_text)):
        files = package_files(name, pattern)
        n0 = len(other_sents)
        for path in files:
            other_sents += sentences_from(fn(path), min_ratio=0.5)
        stats[name] = {"files": len(files), "sentences": len(other_sents) - n0}

    def dedupe(lst):
        seen, res = set(), []
        for s in lst:
            if s not in seen:
                seen.add(s)
                res.append(s)
        return res

    seed_sents, other_sents = dedupe(seed_sents), dedupe(other_sents)
    stats["seed_sentences"] = len(seed_sents)
    stats["other_sentences_dedup"] = len(other_sents)
    if not seed_sents:
        sys.exit("no seed sentences found under " + SEED_GLOB)
    return seed_sents, other_sents, stats


# ----------------------------------------------------------------- vocabulary

PARTY_TYPES = {  # code: (name, title word)
    "NQ": "Nghị quyết", "CT": "Chỉ thị", "KL": "Kết luận", "QĐ": "Quyết định",
    "KH": "Kế hoạch", "CTr": "Chương trình", "HD": "Hướng dẫn", "TB": "Thông báo",
}
PARTY_ISSUERS = {  # code: (issuer phrase used in citations, header line)
    "TW": ("Ban Chấp hành Trung ương", "BAN CHẤP HÀNH TRUNG ƯƠNG"),
    "TU": ("Ban Thường vụ Tỉnh ủy", "TỈNH ỦY {PROV}"),
    "BDVTW": ("Ban Dân vận Trung ương", "BAN DÂN VẬN TRUNG ƯƠNG"),
    "HU": ("Ban Thường vụ Huyện ủy", "HUYỆN ỦY {DIST}"),
    "ĐU": ("Ban Thường vụ Đảng ủy", "ĐẢNG ỦY KHỐI CƠ QUAN TỈNH"),
    "BDV": ("Ban Dân vận Tỉnh ủy", "BAN DÂN VẬN TỈNH ỦY {PROV}"),
    "BTGTW": ("Ban Tuyên giáo Trung ương", "BAN TUYÊN GIÁO TRUNG ƯƠNG"),
}
TW_BODIES = ["Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư"]
STATE_TYPES = {
    "QĐ": "Quyết định", "KH": "Kế hoạch", "NĐ": "Nghị định", "TT": "Thông tư",
    "CT": "Chỉ thị", "HD": "Hướng dẫn", "BC": "Báo cáo",
}
STATE_ISSUERS = {  # code: (phrase, header)
    "UBND": ("Ủy ban nhân dân tỉnh", "ỦY BAN NHÂN DÂN TỈNH {PROV}"),
    "CP": ("Chính phủ", "CHÍNH PHỦ"),
    "TTg": ("Thủ tướng Chính phủ", "THỦ TƯỚNG CHÍNH PHỦ"),
    "BTC": ("Bộ Tài chính", "BỘ TÀI CHÍNH"),
    "BNV": ("Bộ Nội vụ", "BỘ NỘI VỤ"),
    "BGDĐT": ("Bộ Giáo dục và Đào tạo", "BỘ GIÁO DỤC VÀ ĐÀO TẠO"),
    "HĐND": ("Hội đồng nhân dân tỉnh", "HỘI ĐỒNG NHÂN DÂN TỈNH {PROV}"),
}
PROVINCES = ["Tuyên Quang", "Hà Giang", "Thái Nguyên", "Lào Cai", "Yên Bái", "Phú Thọ",
             "Nghệ An", "Thanh Hóa", "Quảng Ninh", "Hòa Bình", "Khánh Hòa", "Đắk Lắk",
             "Cần Thơ", "Bắc Giang", "Lạng Sơn", "Cao Bằng", "Quảng Trị", "Bình Định"]
DISTRICTS = ["Sơn Dương", "Yên Sơn", "Hàm Yên", "Chiêm Hóa", "Na Hang", "Lâm Bình",
             "Thủy Nguyên", "Tân Yên", "Hòa An", "Quỳnh Lưu", "Đô Lương"]
TOPICS = [
    "tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới",
    "xây dựng và thực hiện phong trào thi đua “Dân vận khéo”",
    "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "tăng cường công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
    "thực hiện Quy chế dân chủ ở cơ sở",
    "công tác tôn giáo trong tình hình mới",
    "công tác dân tộc trong tình hình mới",
    "xây dựng nông thôn mới gắn với đô thị văn minh",
    "phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội",
    "tiếp tục đổi mới nội dung, phương thức hoạt động của Hội Nông dân",
    "tăng cường sự lãnh đạo của Đảng đối với công tác phòng, chống tham nhũng, lãng phí",
    "nâng cao chất lượng tổ chức cơ sở đảng và đảng viên",
    "công tác bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch",
    "chuyển đổi số trong các cơ quan đảng",
    "tổ chức các hoạt động kỷ niệm ngày thành lập Hội Nông dân Việt Nam",
    "công tác thanh niên trong thời kỳ đẩy mạnh công nghiệp hóa, hiện đại hóa",
    "tăng cường công tác bảo đảm an toàn giao thông",
    "phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi",
    "đổi mới công tác thi đua, khen thưởng",
    "sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả",
]
KHOA = ["IX", "X", "XI", "XII", "XIII"]
ANNIVERSARIES = [  # (event, founding day, founding month, founding year)
    ("ngày truyền thống công tác dân vận của Đảng", 15, 10, 1930),
    ("ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam", 20, 10, 1930),
    ("ngày thành lập Hội Nông dân Việt Nam", 14, 10, 1930),
    ("ngày thành lập Đảng Cộng sản Việt Nam", 3, 2, 1930),
    ("ngày thành lập Mặt trận Dân tộc Thống nhất Việt Nam", 18, 11, 1930),
    ("ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh", 26, 3, 1931),
    ("ngày Chủ tịch Hồ Chí Minh viết bài báo “Dân vận”", 15, 10, 1949),
    ("Cách mạng Tháng Tám và Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam", 2, 9, 1945),
]
DEADLINE_TEMPLATES = [
    "Các cơ quan, đơn vị báo cáo kết quả thực hiện về Ban Thường vụ Tỉnh ủy (qua Ban Dân vận Tỉnh ủy) trước ngày {d}.",
    "Đề nghị các huyện ủy, thành ủy tổng hợp, gửi trước ngày {d} để theo dõi, tổng hợp.",
    "Báo cáo sơ kết gửi về Thường trực Tỉnh ủy chậm nhất ngày {d}.",
    "Các đơn vị hoàn thành việc rà soát, đánh giá và gửi trước ngày {d}.",
    "Thời gian thực hiện: từ ngày {d0} đến ngày {d}.",
    "Hạn gửi báo cáo: trước ngày {d}.",
    "Ban Dân vận Tỉnh ủy tổng hợp, tham mưu Ban Thường vụ Tỉnh ủy xem xét trước ngày {d}.",
]
CLOSING = [
    "Nơi nhận:\n- Ban Dân vận Trung ương (b/c),\n- Thường trực Tỉnh ủy (b/c),\n- Các huyện ủy, thành ủy, đảng ủy trực thuộc,\n- Lưu Văn phòng Tỉnh ủy.",
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.",
]

# --------------------------------------------------------------- utilities


def fmt_date(rng, d, m, y, style=None):
    """Return (surface, kind) for a date in one of the styles seen in directives."""
    style = style if style is not None else rng.choices(
        ["d/m/y", "dd/mm/yyyy", "long", "d-m-y"], [6, 3, 2, 1])[0]
    if style == "d/m/y":
        return f"{d:02d}/{m}/{y}" if rng.random() < 0.5 else f"{d}/{m}/{y}"
    if style == "dd/mm/yyyy":
        return f"{d:02d}/{m:02d}/{y}"
    if style == "long":
        return f"ngày {d:02d} tháng {m} năm {y}"
    return f"{d:02d}-{m:02d}-{y}"


def rand_date(rng, y0, y1):
    y = rng.randint(y0, y1)
    m = rng.randint(1, 12)
    d = rng.randint(1, [31, 29 if y % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1])
    return d, m, y


def iso(d, m, y):
    return f"{y:04d}-{m:02d}-{d:02d}"


TONES = "\u0300\u0301\u0303\u0309\u0323"
OLD_STYLE_RE = [
    (re.compile(r"([oO])([" + TONES + r"])([aAeE])(?![\w\u0300-\u036f])"), r"\1\3\2"),
    (re.compile(r"([uU])([" + TONES + r"])([yY])(?![\w\u0300-\u036f])"), r"\1\3\2"),
]
NEW_STYLE_RE = [
    (re.compile(r"([oO])([aAeE])([" + TONES + r"])(?![\w\u0300-\u036f])"), r"\1\3\2"),
    (re.compile(r"(?<![qQ])([uU])([yY])([" + TONES + r"])(?![\w\u0300-\u036f])"), r"\1\3\2"),
]


def tone_style(text, style):
    """style 'old': hòa->hoà, ủy->uỷ, khóa->khoá ; 'new': the reverse."""
    t = unicodedata.normalize("NFD", text)
    for rx, rep in (OLD_STYLE_RE if style == "old" else NEW_STYLE_RE):
        t = rx.sub(rep, t)
    return unicodedata.normalize("NFC", t)


# --------------------------------------------------------------- cited pool


def make_cited_pool(rng, n=1500):
    """Pool of documents that get cited, most popular first (Zipf-like)."""
    pool = []
    famous = [
        ("NQ", "25", "TW", (3, 6, 2013), "Ban Chấp hành Trung ương (khóa XI)", TOPICS[0]),
        ("CT", "49", "TW", (20, 2, 2015), "Ban Bí thư", "tăng cường và đổi mới công tác dân vận của cơ quan nhà nước, chính quyền các cấp"),
        ("KL", "114", "TW", (14, 7, 2015), "Ban Bí thư", "nâng cao chất lượng, hiệu quả công tác dân vận của cơ quan nhà nước, chính quyền các cấp"),
        ("QĐ", "23", "TW", (30, 7, 2021), "Bộ Chính trị", "ban hành Quy chế công tác dân vận của hệ thống chính trị"),
        ("CT", "05", "TW", (15, 5, 2016), "Bộ Chính trị", TOPICS[2]),
        ("NQ", "04", "TW", (30, 10, 2016), "Ban Chấp hành Trung ương (khóa XII)", TOPICS[3]),
        ("KL", "01", "TW", (18, 5, 2021), "Bộ Chính trị", "tiếp tục thực hiện Chỉ thị số 05-CT/TW"),
        ("NQ", "43", "TW", (24, 11, 2023), "Ban Chấp hành Trung ương (khóa XIII)", "tiếp tục phát huy truyền thống, sức mạnh đại đoàn kết toàn dân tộc"),
    ]
    for typ, num, iss, (d, m, y), body, topic in famous:
        pool.append({"number": f"{num}-{typ}/{iss}", "type": PARTY_TYPES[typ],
                     "date": (d, m, y), "issuer": body, "topic": topic})
    seen = {p["number"] for p in pool}
    while len(pool) < n:
        d, m, y = rand_date(rng, 1996, 2024)
        if rng.random() < 0.7:
            typ = rng.choice(list(PARTY_TYPES))
            iss = rng.choices(list(PARTY_ISSUERS), [5, 6, 3, 3, 2, 2, 1])[0]
            num = str(rng.randint(1, 450)).zfill(2 if rng.random() < 0.3 else 1)
            number = f"{num}-{typ}/{iss}"
            if iss == "TW":
                body = rng.choice(TW_BODIES)
                if body == "Ban Chấp hành Trung ương":
                    body += f" (khóa {rng.choice(KHOA)})"
            else:
                body = PARTY_ISSUERS[iss][0]
            tname = PARTY_TYPES[typ]
        else:
            iss = rng.choices(list(STATE_ISSUERS), [8, 3, 3, 1, 1, 1, 2])[0]
            typ = rng.choice(["NĐ"] if iss == "CP" else ["QĐ", "KH", "CT", "TT", "HD"])
            if typ in ("NĐ", "TT") or rng.random() < 0.25:
                number = f"{rng.randint(1, 180)}/{y}/{typ}-{iss}"
            else:
                number = f"{rng.randint(1, 3999)}/{typ}-{iss}"
            body = STATE_ISSUERS[iss][0]
            tname = STATE_TYPES[typ]
        if number in seen:
            continue
        seen.add(number)
        pool.append({"number": number, "type": tname, "date": (d, m, y),
                     "issuer": body, "topic": rng.choice(TOPICS)})
    weights = [1.0 / (r + 1) ** 1.1 for r in range(len(pool))]
    return pool, weights


def citation_surface(rng, c):
    d, m, y = c["date"]
    style = rng.random()
    if style < 0.55:
        s = f"{c['type']} số {c['number']} ngày {fmt_date(rng, d, m, y, 'd/m/y')} của {c['issuer']}"
    elif style < 0.7:
        s = f"{c['type']} số {c['number']}, ngày {fmt_date(rng, d, m, y, 'dd/mm/yyyy')} của {c['issuer']} về {c['topic']}"
    elif style < 0.82:
        s = f"{c['type']} số {c['number']}, {fmt_date(rng, d, m, y, 'long')} của {c['issuer']}"
    elif style < 0.92:
        s = f"{c['type']} {c['number']}"
    else:
        s = f"{c['type']} số {c['number']}"
    return s


# --------------------------------------------------------------- documents


def doc_number(rng, y):
    if rng.random() < 0.72:
        typ = rng.choices(list(PARTY_TYPES), [2, 2, 1, 2, 5, 2, 2, 2])[0]
        iss = rng.choices(list(PARTY_ISSUERS), [1, 8, 1, 4, 2, 3, 1])[0]
        num = rng.randint(1, 450)
        return f"{num}-{typ}/{iss}", PARTY_TYPES[typ], iss, "party"
    iss = rng.choices(list(STATE_ISSUERS), [10, 1, 1, 1, 1, 1, 2])[0]
    typ = rng.choice(["NĐ"] if iss == "CP" else ["QĐ", "KH", "CT", "TT", "HD", "BC"])
    if typ in ("NĐ", "TT"):
        return f"{rng.randint(1, 180)}/{y}/{typ}-{iss}", STATE_TYPES[typ], iss, "state"
    return f"{rng.randint(1, 3999)}/{typ}-{iss}", STATE_TYPES[typ], iss, "state"


SEED_SHARE = 0.4  # share of body sentences drawn from the seed directives


def make_doc(rng, seed_sents, other_sents, pool, weights):
    d, m, y = rand_date(rng, 2005, 2025)
    number, tname, iss, kind = doc_number(rng, y)
    prov, dist = rng.choice(PROVINCES), rng.choice(DISTRICTS)
    place = dist if iss == "HU" else prov
    cits, dates = [], []
    lines = []
    if kind == "party":
        lines.append("ĐẢNG CỘNG SẢN VIỆT NAM")
        lines.append(PARTY_ISSUERS[iss][1].format(PROV=prov.upper(), DIST=dist.upper()))
    else:
        lines.append("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        lines.append("Độc lập - Tự do - Hạnh phúc")
        lines.append(STATE_ISSUERS[iss][1].format(PROV=prov.upper(), DIST=dist.upper()))
    lines.append(f"Số {number}" if rng.random() < 0.85 else f"Số: {number}")
    lines.append(f"{place}, ngày {d:02d} tháng {m} năm {y}")
    lines.append("")
    topic = rng.choice(TOPICS)
    lines.append(tname.upper())
    title = topic
    main_cit = None
    if tname in ("Kế hoạch", "Chương trình", "Hướng dẫn") and rng.random() < 0.7:
        main_cit = pool[rng.choices(range(len(pool)), weights)[0]]
        title = f"thực hiện {main_cit['type']} số {main_cit['number']} về {main_cit['topic']}"
        cd, cm, cy = main_cit["date"]
        cits.append({"number": main_cit["number"], "date": iso(cd, cm, cy),
                     "surface": f"{main_cit['type']} số {main_cit['number']}"})
    lines.append(title[0].upper() + title[1:])
    lines.append("-----")
    lines.append("")
    target = int(math.exp(rng.uniform(math.log(3000), math.log(30000))))
    body = []
    size = sum(len(x.encode()) + 1 for x in lines)
    while size < target:
        sents = []
        for _ in range(rng.randint(2, 7)):
            sents.append(rng.choice(seed_sents) if (rng.random() < SEED_SHARE or not other_sents)
                         else rng.choice(other_sents))
        r = rng.random()
        if r < 0.45:  # citation sentence
            c = pool[rng.choices(range(len(pool)), weights)[0]]
            surf = citation_surface(rng, c)
            lead = rng.choice(["Thực hiện ", "Căn cứ ", "Triển khai ", "Quán triệt ",
                               "Tiếp tục thực hiện có hiệu quả ", "Theo tinh thần "])
            tail = rng.choice([", Ban Thường vụ Tỉnh ủy ban hành kế hoạch thực hiện như sau:",
                               "; các cấp ủy đảng tập trung lãnh đạo, chỉ đạo thực hiện tốt các nội dung sau.",
                               ", cần đẩy mạnh công tác tuyên truyền, quán triệt sâu rộng trong cán bộ, đảng viên và Nhân dân.",
                               "."])
            sents.insert(rng.randint(0, len(sents)), lead + surf + tail)
            cd, cm, cy = c["date"]
            cits.append({"number": c["number"], "date": iso(cd, cm, cy), "surface": surf})
        elif r < 0.60:  # deadline
            dd, dm, dy = rand_date(rng, max(y, 2006), min(y + 1, 2026))
            surf = fmt_date(rng, dd, dm, dy, rng.choice(["d/m/y", "dd/mm/yyyy"]))
            d0 = fmt_date(rng, *rand_date(rng, y, y), "d/m/y")
            sents.append(rng.choice(DEADLINE_TEMPLATES).format(d=surf, d0=d0))
            dates.append({"surface": surf, "iso": iso(dd, dm, dy), "kind": "deadline"})
        elif r < 0.70:  # anniversary range
            ev, ad, am, ay = rng.choice(ANNIVERSARIES)
            ey = rng.randint(max(y, ay + 5), max(y, ay + 5) + 1)
            a = f"{ad:02d}/{am}/{ay}" if rng.random() < 0.6 else f"{ad}/{am}/{ay}"
            b = f"{ad:02d}/{am}/{ey}" if rng.random() < 0.6 else f"{ad}/{am}/{ey}"
            sents.append(f"Tổ chức các hoạt động kỷ niệm {ey - ay} năm {ev} ({a} - {b}) "
                         f"thiết thực, hiệu quả, tiết kiệm.")
            dates.append({"surface": a, "iso": iso(ad, am, ay), "kind": "anniversary"})
            dates.append({"surface": b, "iso": iso(ad, am, ey), "kind": "anniversary"})
        if rng.random() < 0.15:
            hdr = rng.choice(["I. MỤC ĐÍCH, YÊU CẦU", "II. NHIỆM VỤ VÀ GIẢI PHÁP",
                              "III. TỔ CHỨC THỰC HIỆN", "1. Công tác tuyên truyền",
                              "2. Phong trào thi đua “Dân vận khéo”", "3. Kiểm tra, giám sát"])
            body.append(hdr)
        para = " ".join(sents)
        body.append(para)
        size += len(para.encode()) + 1
    lines += body
    lines.append("")
    lines.append(rng.choice(CLOSING))
    lines.append(rng.choice(["T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
                             "K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN"]))
    text = "\n".join(lines) + "\n"
    # tone placement and normalisation form
    tone = rng.choices(["asis", "old", "new"], [6, 2, 2])[0]
    if tone != "asis":
        text = tone_style(text, tone)
    form = "NFD" if rng.random() < 0.1 else "NFC"
    text = unicodedata.normalize(form, text)
    meta = {"doc_number": number, "doc_type": tname, "issuer_code": iss, "style": kind,
            "place": place, "date": iso(d, m, y), "title": title, "tone": tone, "form": form,
            "citations": cits, "dates": dates}
    return text, meta


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--pool-seed", type=int, default=424242,
                    help="seed of the cited-document pool (shared across corpora)")
    ap.add_argument("--seed-share", type=float, default=0.4,
                    help="share of body sentences taken from the seed directives (default 0.4; "
                         "lower it for less repetitive dân-vận vocabulary)")
    a = ap.parse_args()
    global SEED_SHARE
    SEED_SHARE = a.seed_share
    seed_sents, other_sents, stats = load_pools()
    rng = random.Random(a.seed)
    pool, weights = make_cited_pool(random.Random(a.pool_seed))
    ddir = os.path.join(a.out, "docs")
    os.makedirs(ddir, exist_ok=True)
    total = 0
    h = hashlib.sha256()
    with open(os.path.join(a.out, "truth.jsonl"), "w", encoding="utf-8") as tj:
        for i in range(a.docs):
            text, meta = make_doc(rng, seed_sents, other_sents, pool, weights)
            name = f"{i:06d}.txt"
            data = text.encode("utf-8")
            with open(os.path.join(ddir, name), "wb") as f:
                f.write(data)
            total += len(data)
            h.update(data)
            meta = {"file": "docs/" + name, "bytes": len(data), **meta}
            tj.write(json.dumps(meta, ensure_ascii=False) + "\n")
    info = {"docs": a.docs, "seed": a.seed, "bytes": total, "sha256_of_all": h.hexdigest(),
            "sources": stats, "cited_pool": len(pool), "pool_seed": a.pool_seed}
    with open(os.path.join(a.out, "corpus_info.json"), "w", encoding="utf-8") as f:
        json.dump(info, f, ensure_ascii=False, indent=1)
    print(json.dumps(info, ensure_ascii=False))


if __name__ == "__main__":
    main()
