/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_read_markup.c: the HTML and XML readers: what becomes a line, what is
 * dropped (scripts, navigation, site furniture), tables, titles and dates
 * from metadata, legacy encodings told by <meta charset> or a font name,
 * Akoma Ntoso references inline, and hostile XML (entity
 * bombs, external entities, malformed documents) refused with a reason. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"
#include "read/reader.h"

typedef int (*reader_fn)(cm_extracted *out, const char *data, size_t len);

typedef struct {
	const char *name;
	reader_fn read;
	const char *in;
	int rc;
	const char *want;  /* the text, or a part of the error message */
	const char *title; /* expected title, NULL for none */
	const char *date;  /* expected date, NULL for none */
} case_t;

static const case_t cases[] = {
	{"inline runs on, blocks end lines", cm_read_html,
	 "<html><body><p>Nghị <b>quyết</b>  số\n25-NQ/TW</p><div>Kế hoạch</div></body></html>", 0,
	 "Nghị quyết số 25-NQ/TW\nKế hoạch\n", NULL, NULL},
	{"dropped elements", cm_read_html,
	 "<html><head><title> Tin  tức </title><style>p{}</style><script>var x=1;</script></head>"
	 "<body><header>Trang đầu</header><nav>Menu</nav><p>Nội dung</p><aside>Bên</aside>"
	 "<form>Ô nhập</form><menu>Mục</menu><footer>Chân</footer><noscript>Bật JS</noscript>"
	 "</body></html>",
	 0, "Nội dung\n", "Tin tức", NULL},
	{"table rows and cells", cm_read_html,
	 "<table><tr><th>Số</th><th>Ngày</th></tr><tr><td>25-NQ/TW</td><td>03/6/2013</td></tr>"
	 "</table>",
	 0, "Số | Ngày\n25-NQ/TW | 03/6/2013\n", NULL, NULL},
	{"line breaks, headings and pre", cm_read_html,
	 "<h1>I - NHIỆM VỤ</h1><p>một<br>hai</p><pre>ba\nbốn</pre>", 0,
	 "I - NHIỆM VỤ\n\nmột\nhai\nba\nbốn\n", NULL, NULL},
	{"character references", cm_read_html, "<p>Vi&#7879;t &amp; Nam&nbsp;ok</p>", 0,
	 "Việt & Nam\xc2\xa0ok\n", NULL, NULL},
	{"site furniture", cm_read_html,
	 "<p>Căn cứ Quyết định</p><div>Gửi cho bạn bè</div><p>PHẢN HỒI:</p>"
	 "<p><a href=#>Xem nhiều nhất</a></p><p>Các tin khác »</p>"
	 "<div>Bạn cần đăng nhập để gửi ý kiến</div><p>Phản hồi của nhân dân về dự thảo</p>",
	 0, "Căn cứ Quyết định\nPhản hồi của nhân dân về dự thảo\n", NULL, NULL},
	{"meta charset windows-1258", cm_read_html,
	 "<html><head><meta charset=\"windows-1258\"><title>D\xe2n v\xe2\xf2n</title></head>"
	 "<body><p>D\xe2n v\xe2\xf2n kh\xe9o</p></body></html>",
	 0, "Dân vận khéo\n", "Dân vận", NULL},
	{"TCVN3 font face", cm_read_html,
	 "<html><body><p><font face=\".VnTime\">d\xa9n v\xcbn kh\xd0o c\xf1"
	 "a nh\xa9n d\xa9n"
	 "</font></p></body></html>",
	 0, "dân vận khéo của nhân dân\n", NULL, NULL},
	{"no body", cm_read_html, "Chỉ thị số 05-CT/TW", 0, "Chỉ thị số 05-CT/TW\n", NULL, NULL},
	{"our schema", cm_read_xml,
	 "<?xml version=\"1.0\"?><directive><meta><title>Kế  hoạch\n2018</title>"
	 "<date>2018-02-28</date><number>1600-KH/BDVTW</number></meta><body><p>Căn cứ</p>"
	 "<table><row><cell>a</cell><cell>b</cell></row></table></body></directive>",
	 0, "Căn cứ\na | b\n", "Kế hoạch 2018", "2018-02-28"},
	{"our schema, a date that is not ISO", cm_read_xml,
	 "<directive><meta><date>28/02/2018</date></meta><body><p>x</p></body></directive>", 0,
	 "x\n", NULL, NULL},
	{"Akoma Ntoso", cm_read_xml,
	 "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><act><meta>"
	 "<identification><FRBRWork><FRBRdate date=\"2013-06-03\" name=\"x\"/>"
	 "<FRBRname value=\"Nghị quyết về công tác dân vận\"/></FRBRWork></identification></meta>"
	 "<body><paragraph><num>1.</num><content><p>Thực hiện <ref href=\"/akn/vn/25\">Nghị "
	 "quyết số 25-NQ/TW</ref> ngày 03/6/2013.</p></content></paragraph></body></act>"
	 "</akomaNtoso>",
	 0, "1.\nThực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013.\n",
	 "Nghị quyết về công tác dân vận", "2013-06-03"},
	{"Akoma Ntoso docTitle", cm_read_xml,
	 "<akomaNtoso><doc><preface><p><docTitle>Kế hoạch</docTitle></p></preface>"
	 "<mainBody><p>y</p></mainBody></doc></akomaNtoso>",
	 0, "Kế hoạch\ny\n", "Kế hoạch", NULL},
	{"any XML", cm_read_xml, "<root><x>một</x><y>hai <![CDATA[ba]]></y></root>", 0,
	 "một\nhai ba\n", NULL, NULL},
	{"billion laughs", cm_read_xml,
	 "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
	 "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
	 "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
	 "<lolz>&lol3;</lolz>",
	 CM_EUNSUPPORTED, "declares entities", NULL, NULL},
	{"external entity", cm_read_xml,
	 "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
	 "<d>&x;</d>",
	 CM_EUNSUPPORTED, "declares entities", NULL, NULL},
	{"external DTD not loaded", cm_read_xml,
	 "<?xml version=\"1.0\"?><!DOCTYPE d SYSTEM \"file:///etc/passwd\"><d>ok</d>", 0, "ok\n",
	 NULL, NULL},
	{"malformed", cm_read_xml, "<?xml version=\"1.0\"?>\n<d><p>x</d>", CM_EUNSUPPORTED,
	 "not well-formed XML (line 2): Premature end of data", NULL, NULL},
};

static void check_case(const case_t *c)
{
	cm_extracted x;
	int rc = c->read(&x, c->in, strlen(c->in));

	cr_assert_eq(rc, c->rc, "%s: rc %d, want %d (%s)", c->name, rc, c->rc, cm_error_last());
	if (rc < 0) {
		cr_assert_not_null(strstr(cm_error_last(), c->want), "%s: %s", c->name,
				   cm_error_last());
		cr_assert_null(x.text, "%s", c->name);
		return;
	}
	cr_assert_str_eq(x.text, c->want, "%s", c->name);
	cr_assert_eq(x.text_len, strlen(c->want), "%s", c->name);
	if (c->title)
		cr_assert_str_eq(x.title ? x.title : "(none)", c->title, "%s", c->name);
	else
		cr_assert_null(x.title, "%s: %s", c->name, x.title);
	if (c->date)
		cr_assert_str_eq(x.date ? x.date : "(none)", c->date, "%s", c->name);
	else
		cr_assert_null(x.date, "%s", c->name);
	cm_extracted_clear(&x);
}

Test(read_markup, table)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		check_case(&cases[i]);
}

/* Nesting of any depth: read up to libxml2's limit, refused with the reason
 * beyond it (never a crash, never a silently cut text). */
Test(read_markup, deep_nesting)
{
	static const struct {
		size_t depth;
		int rc;
	} depths[] = {{100, 0}, {100000, CM_EUNSUPPORTED}};

	for (size_t k = 0; k < sizeof depths / sizeof depths[0]; k++) {
		size_t n = 0;
		char *html = malloc(depths[k].depth * 11 + 16);
		cm_extracted x;
		int rc;

		cr_assert_not_null(html);
		for (size_t i = 0; i < depths[k].depth; i++)
			n += (size_t)sprintf(html + n, "<div><span>");
		n += (size_t)sprintf(html + n, "sâu");
		rc = cm_read_html(&x, html, n);
		free(html);
		cr_assert_eq(rc, depths[k].rc, "%zu: %s", depths[k].depth, cm_error_last());
		if (rc < 0) {
			cr_assert_not_null(strstr(cm_error_last(), "Excessive depth"));
			continue;
		}
		cr_assert_str_eq(x.text, "sâu\n");
		cm_extracted_clear(&x);
	}
}

typedef struct {
	const char *text;
	int furniture;
} furniture_case;

static const furniture_case furniture_cases[] = {
	{"Gửi cho bạn bè", 1},
	{"  GỬI CHO BẠN BÈ  ", 1},
	{"Phản hồi:", 1},
	{"Xem nhiều nhất", 1},
	{"Các tin khác »", 1},
	{"Thông tin người gửi phản hồi", 1},
	{"Vui lòng đăng nhập để bình luận", 1},
	{"Gu\xcc\x9b\xcc\x89i cho ba\xcc\xa3n be\xcc\x80", 1}, /* NFD */
	{"Phản hồi của nhân dân", 0},
	{"Gửi cho bạn bè và đồng nghiệp ý kiến về dự thảo", 0},
	{"Nghị quyết số 25-NQ/TW", 0},
	{"", 0},
	{"\xff\xfe", 0},
};

Test(read_markup, furniture_rules)
{
	for (size_t i = 0; i < sizeof furniture_cases / sizeof furniture_cases[0]; i++) {
		const furniture_case *c = &furniture_cases[i];
		cr_assert_eq(cm_furniture_is(c->text, strlen(c->text)), c->furniture, "'%s'",
			     c->text);
	}
}
