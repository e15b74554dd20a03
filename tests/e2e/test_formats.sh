# SPDX-License-Identifier: GPL-2.0-or-later

# test_formats.sh: one directive as plain text, HTML, our XML schema and
# Akoma Ntoso, another as text, DOCX and PDF (tests/data/formats), give the
# same citations, dates and search hits; the same texts in UTF-8,
# Windows-1258, TCVN3 and VNI (tests/data/encoding) give identical terms;
# the web page's furniture stays out of its indexed text; a file's format
# is told from its content, whatever its name; hostile XML and DOCX are
# refused with a reason while the run goes on.
. "$(dirname "$0")/lib.sh"

fx="$CM_SOURCE_DIR/tests/data/formats"
d="$WORK/in"
mkdir -p "$d"
cp "$CORPUS"/004_*.txt "$d/004.txt"
cp "$fx/004.html" "$fx/004.xml" "$fx/004.akn.xml" "$d/"
cp "$fx/004.html" "$d/page-named.txt"

# What extract finds, without the offsets, which differ between formats.
findings() {
    "$CHIMUC" extract --json "$1" | jq -c 'del(.path, .start, .end)' | sort
}

want=$(findings "$d/004.txt")
[ "$(printf '%s\n' "$want" | grep -c '"kind":"citation"')" -ge 40 ] && ok ||
    fail "the text version has its citations"
for f in 004.html 004.xml 004.akn.xml page-named.txt; do
    same "$f: same citations and dates as the text" "$(findings "$d/$f")" "$want"
done
want=$(findings "$CORPUS"/001_*.txt)
for f in directive.docx directive.pdf; do
    same "$f: same citations and dates as the text" "$(findings "$fx/$f")" "$want"
done

# The terms of one file indexed alone: the dump without the document ids.
terms_of() {
    rm -rf "$WORK/one"
    "$CHIMUC_INDEX" --db "$WORK/one" "$1" >/dev/null 2>&1
    "$CM_TERM_DUMP" "$WORK/one" | cut -d' ' -f2-
}
enc="$CM_SOURCE_DIR/tests/data/encoding"
for n in 001 004; do
    want=$(terms_of "$CORPUS/${n}_"*.txt)
    [ "$(printf '%s\n' "$want" | wc -l)" -gt 100 ] && ok || fail "$n has its terms"
    for e in cp1258 vni; do
        same "$n.$e: the same terms as UTF-8" "$(terms_of "$enc/$n.$e")" "$want"
    done
    same "$n.tcvn3: the same terms as its UTF-8 reading" \
        "$(terms_of "$enc/$n.tcvn3")" "$(terms_of "$enc/$n.tcvn3.txt")"
done

text=$("$CHIMUC" extract --text "$d/004.html")
tail -n 12 "$CORPUS"/004_*.txt | grep -v '^[[:space:]]*$' | sed 's/^ *//; s/ *$//' |
    while IFS= read -r line; do
        case $line in
            "File: "* | "Trương Thị Mai" | "TRƯỞNG BAN") want_in=yes ;;
            *) want_in=no ;;
        esac
        if printf '%s\n' "$text" | grep -qxF -- "$line"; then got=yes; else got=no; fi
        same "HTML text has '$line'" "$got" "$want_in"
    done
for junk in "var tracker" "Trang chủ" "Tin liên quan" "Bản quyền" "Lượt xem" "02/02/2099"; do
    if printf '%s\n' "$text" | grep -qF -- "$junk"; then fail "HTML text has '$junk'"; else ok; fi
done

"$CHIMUC_INDEX" --db "$WORK/db" "$d" >"$WORK/out" 2>"$WORK/err"
same "index exit" $? 0
check "five documents indexed" grep -q "5 seen: 5 indexed" "$WORK/out"
all=$(cd "$d" && ls | sort | sed "s|^|$d/|")
for q in 'dân vận' 'cites:25-NQ/TW' '"Ban Dân vận Trung ương"' 'date:28/02/2018' 'quyet dinh'; do
    same "every format found by $q" "$(paths "$WORK/db" "$q" | sort)" "$all"
done
o="$WORK/office"
mkdir -p "$o"
cp "$CORPUS"/001_*.txt "$o/001.txt"
cp "$fx/directive.docx" "$fx/directive.pdf" "$o/"
"$CHIMUC_INDEX" --db "$WORK/db-office" "$o" >/dev/null 2>&1
all=$(cd "$o" && ls | sort | sed "s|^|$o/|")
for q in 'dân vận khéo' 'cites:49-CT/TW' '"Hội Nhà báo tỉnh"' 'date:15/10' 'hoi nha bao'; do
    same "text, DOCX and PDF found by $q" "$(paths "$WORK/db-office" "$q" | sort)" "$all"
done
same "furniture is not searchable in the web page" \
    "$(paths "$WORK/db" '"gửi cho bạn bè"' | sort)" "$d/004.txt"
same "the formats are recorded" \
    "$("$CHIMUC" search --db "$WORK/db" --json --limit 10 'dân vận' | jq -r .format | sort | tr '\n' ' ')" \
    "html html text xml xml "

h="$WORK/hostile"
mkdir -p "$h"
cat >"$h/bomb.xml" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<lolz>&lol9;</lolz>
XML
printf '<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM "file://%s">]>\n<d>&x;</d>\n' \
    "$d/004.txt" >"$h/xxe.xml"
printf '<?xml version="1.0"?>\n<d><p>Chỉ thị</d>\n' >"$h/broken.xml"
cp "$fx/bomb.docx" "$fx/lying_bomb.docx" "$fx/laughs.docx" "$fx/scan.pdf" "$h/"
cp "$d/004.html" "$h/good.html"
"$CHIMUC_INDEX" --db "$WORK/db2" "$h" >"$WORK/out" 2>"$WORK/err"
same "hostile run exit" $? 0
check "bomb refused" grep -q "bomb.xml: skipped: refused: the XML declares entities" "$WORK/err"
check "external entity refused" grep -q "xxe.xml: skipped: refused: the XML declares entities" "$WORK/err"
check "broken XML refused" grep -q "broken.xml: skipped: not well-formed XML (line 3)" "$WORK/err"
check "zip bomb refused" grep -q "bomb.docx: skipped: DOCX entry word/document.xml expands to more than 256 MiB" "$WORK/err"
check "lying zip bomb refused" grep -q "lying_bomb.docx: skipped: .*compression ratio over 200:1" "$WORK/err"
check "DOCX entities refused" grep -q "laughs.docx: skipped: .*entit" "$WORK/err"
check "a scan is not indexed empty" grep -q "scan.pdf: skipped: no text layer (scanned?)" "$WORK/err"
check "the run goes on" grep -q "8 seen: 1 indexed, 0 unchanged, 0 removed, 7 skipped" "$WORK/out"
same "nothing of the local file leaks" "$(paths "$WORK/db2" 'dân vận')" "$h/good.html"

finish
