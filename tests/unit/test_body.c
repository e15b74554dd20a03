/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_body.c: the names of bodies found at the start of a text (body.c),
 * the lists of them, the level their name gives, and the matching of what
 * a user types against a name as written. Every form that must be a body
 * has one beside it that must not. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/body.h"
#include "chimuc/error.h"
#include "extract/body.h"

typedef struct {
	const char *text, *body; /* body: the name at the start, NULL: none */
	cm_body_level level;
} body_case;

static const body_case bodies[] = {
	{"Ban Dân vận Tỉnh ủy hướng dẫn", "Ban Dân vận Tỉnh ủy", CM_LEVEL_PROVINCE},
	{"Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp", "Ban Tuyên giáo Tỉnh ủy", CM_LEVEL_PROVINCE},
	{"Ban Thường vụ Tỉnh ủy (qua Văn phòng Tỉnh ủy)", "Ban Thường vụ Tỉnh ủy",
	 CM_LEVEL_PROVINCE},
	{"Ban Dân vận Trung ương ban hành", "Ban Dân vận Trung ương", CM_LEVEL_CENTRAL},
	{"Hội Nhà báo tỉnh sơ kết", "Hội Nhà báo tỉnh", CM_LEVEL_PROVINCE},
	{"Ban Dân vận Tỉnh ủy và Hội Nhà báo tỉnh", "Ban Dân vận Tỉnh ủy", CM_LEVEL_PROVINCE},
	{"Sở Nội vụ chủ trì", "Sở Nội vụ", CM_LEVEL_PROVINCE},
	{"Sở Văn hóa, Thể thao và Du lịch hướng dẫn", "Sở Văn hóa, Thể thao và Du lịch",
	 CM_LEVEL_PROVINCE},
	{"Sở Nội vụ, Sở Tài chính", "Sở Nội vụ", CM_LEVEL_PROVINCE},
	{"Ban Thường trực Ủy ban MTTQ các huyện, thành phố căn cứ",
	 "Ban Thường trực Ủy ban MTTQ các huyện, thành phố", CM_LEVEL_DISTRICT},
	{"Ban Thường trực Ủy ban MTTQ tỉnh (qua Ban Tuyên giáo)",
	 "Ban Thường trực Ủy ban MTTQ tỉnh", CM_LEVEL_PROVINCE},
	{"UBND các huyện, thị xã, thành phố triển khai", "UBND các huyện, thị xã, thành phố",
	 CM_LEVEL_DISTRICT},
	{"Ủy ban nhân dân tỉnh Trà Vinh chỉ đạo", "Ủy ban nhân dân tỉnh Trà Vinh",
	 CM_LEVEL_PROVINCE},
	{"Tỉnh ủy Tuyên Quang chỉ đạo", "Tỉnh ủy Tuyên Quang", CM_LEVEL_PROVINCE},
	{"Đảng ủy Văn phòng UBND tỉnh yêu cầu", "Đảng ủy Văn phòng UBND tỉnh", CM_LEVEL_PROVINCE},
	{"Đảng ủy xã Mai Phụ", "Đảng ủy xã Mai Phụ", CM_LEVEL_COMMUNE},
	{"Chủ tịch UBND tỉnh đề nghị", "Chủ tịch UBND tỉnh", CM_LEVEL_PROVINCE},
	{"Giám đốc Sở Nội vụ", "Giám đốc Sở Nội vụ", CM_LEVEL_PROVINCE},
	{"các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy: phối hợp",
	 "các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy", CM_LEVEL_DISTRICT},
	{"các sở, ban, ngành tỉnh", "các sở, ban, ngành tỉnh", CM_LEVEL_PROVINCE},
	{"Cấp xã hoàn thành trước ngày 10/6/2021", "Cấp xã", CM_LEVEL_COMMUNE},
	{"Bộ Chính trị, Ban Bí thư", "Bộ Chính trị", CM_LEVEL_CENTRAL},
	{"Ban Chỉ đạo Phong trào thi đua", "Ban Chỉ đạo Phong trào", CM_LEVEL_UNKNOWN},
	{"Văn phòng Tỉnh ủy", "Văn phòng Tỉnh ủy", CM_LEVEL_PROVINCE},
	{"Báo Tuyên Quang, Đài Phát thanh và Truyền hình tỉnh", "Báo Tuyên Quang",
	 CM_LEVEL_UNKNOWN},
	{"Đài Phát thanh và Truyền hình tỉnh, Hội Nhà Báo tỉnh",
	 "Đài Phát thanh và Truyền hình tỉnh", CM_LEVEL_PROVINCE},
	{"Bộ GD&ĐT một số nội dung", "Bộ GD&ĐT", CM_LEVEL_CENTRAL},
	{"Đoàn cấp cơ sở", "Đoàn cấp cơ sở", CM_LEVEL_COMMUNE},
	{"Đảng bộ xã, thị trấn bắt đầu", "Đảng bộ xã, thị trấn", CM_LEVEL_COMMUNE},
	{"Mặt trận cấp huyện, thành phố hoàn thành", "Mặt trận cấp huyện, thành phố",
	 CM_LEVEL_DISTRICT},
	{"cấp huyện và tương đương hoàn thành", "cấp huyện và tương đương", CM_LEVEL_DISTRICT},
	{"Chi bộ trực thuộc đảng ủy cơ sở", "Chi bộ trực thuộc đảng ủy cơ sở", CM_LEVEL_COMMUNE},
	{"Xã Khánh Hội làm điểm", "Xã Khánh Hội", CM_LEVEL_COMMUNE},
	{"Ấp 8, xã Khánh Hội", "Ấp 8", CM_LEVEL_COMMUNE},
	/* a dash before a collective noun opens the body's role, not more name */
	{"Ban Dân vận Tỉnh ủy - Cơ quan Thường trực Ban Chỉ đạo", "Ban Dân vận Tỉnh ủy",
	 CM_LEVEL_PROVINCE},
	{"Sở Văn hóa - Thể thao tỉnh hướng dẫn", "Sở Văn hóa - Thể thao tỉnh", CM_LEVEL_PROVINCE},
	/* a function word does not finish a name's syllable; a second syllable does */
	{"Ban Bí thư Trung ương Đảng về đẩy mạnh", "Ban Bí thư Trung ương Đảng", CM_LEVEL_CENTRAL},
	{"Bộ Nội vụ về việc", "Bộ Nội vụ", CM_LEVEL_CENTRAL},
	/* the sectors of a Party unit, not a word that opens like one */
	{"Đảng bộ cơ quan, trường học, lực lượng vũ trang trực thuộc Huyện ủy, thời gian",
	 "Đảng bộ cơ quan, trường học, lực lượng vũ trang trực thuộc Huyện ủy", CM_LEVEL_UNKNOWN},
	{"Đảng bộ xã lực lượng đông", "Đảng bộ xã", CM_LEVEL_COMMUNE},
	/* a unit that is part of another ("thuộc X"), not one of a kind ("thuộc diện") */
	{"Xã thuộc đơn vị thành phố Cao Bằng tổ chức", "Xã thuộc đơn vị thành phố Cao Bằng",
	 CM_LEVEL_COMMUNE},
	/* "thị" for "thị xã" in a list of plurals, not the first syllable of a word */
	{"Ban Tuyên giáo các huyện, thị, thành phố; Tuyên huấn",
	 "Ban Tuyên giáo các huyện, thị, thành phố", CM_LEVEL_DISTRICT},
	{"UBND các huyện, thị trường", "UBND các huyện", CM_LEVEL_DISTRICT},
	/* a section named by what it does, before the bodies it serves */
	{"Tuyên huấn các Đảng ủy trực thuộc Tỉnh ủy, Ủy ban Mặt trận",
	 "Tuyên huấn các Đảng ủy trực thuộc Tỉnh ủy", CM_LEVEL_UNKNOWN},
	/* none: a verb or a common word that opens like a body */
	{"Xã hội hóa công tác", NULL, CM_LEVEL_UNKNOWN},
	{"Huyện nào cũng có", NULL, CM_LEVEL_UNKNOWN},
	{"Đoàn viên thanh niên", NULL, CM_LEVEL_UNKNOWN},
	{"Mặt hàng thiết yếu", NULL, CM_LEVEL_UNKNOWN},
	{"Ban hành kèm theo Quyết định này", NULL, CM_LEVEL_UNKNOWN},
	{"Thường xuyên trao đổi thông tin", NULL, CM_LEVEL_UNKNOWN},
	{"Sở dĩ như vậy", NULL, CM_LEVEL_UNKNOWN},
	{"Hội thảo khoa học cấp tỉnh", NULL, CM_LEVEL_UNKNOWN},
	{"Đoàn kết các dân tộc", NULL, CM_LEVEL_UNKNOWN},
	{"ban dân vận tỉnh ủy", NULL, CM_LEVEL_UNKNOWN},
	{"Công tác dân vận", NULL, CM_LEVEL_UNKNOWN},
	{"Các hoạt động kỷ niệm", NULL, CM_LEVEL_UNKNOWN},
	{"Báo cáo sơ kết 6 tháng", NULL, CM_LEVEL_UNKNOWN},
	{"Xã thuộc diện khó khăn", NULL, CM_LEVEL_UNKNOWN},
	{"Tuyên huấn viên giỏi", NULL, CM_LEVEL_UNKNOWN},
};

Test(body, at)
{
	for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
		const body_case *c = &bodies[i];
		cm_body_level level = CM_LEVEL_UNKNOWN;
		size_t k = cm_body_at(c->text, strlen(c->text), 0, 0, &level);

		if (!c->body) {
			cr_expect_eq(k, 0, "\"%s\": found \"%.*s\"", c->text, (int)k, c->text);
			continue;
		}
		cr_expect_eq(k, strlen(c->body), "\"%s\": got \"%.*s\", want \"%s\"", c->text,
			     (int)k, c->text, c->body);
		cr_expect_eq(level, c->level, "\"%s\": level %d, want %d", c->text, level,
			     c->level);
	}
}

typedef struct {
	const char *text;
	size_t count, len; /* len: bytes of the list, from the start */
} list_case;

static const list_case lists[] = {
	{"Ban Tuyên giáo, Ban Dân vận Tỉnh ủy và Hội Nhà báo tỉnh hướng dẫn", 3,
	 sizeof "Ban Tuyên giáo, Ban Dân vận Tỉnh ủy và Hội Nhà báo tỉnh" - 1},
	{"Bộ Chính trị, Ban Bí thư 02 đề án", 2, sizeof "Bộ Chính trị, Ban Bí thư" - 1},
	{"Sở Nội vụ, các sở, ban, ngành liên quan", 2, sizeof "Sở Nội vụ, các sở, ban, ngành" - 1},
	{"Sở Nội vụ và tổng hợp", 1, sizeof "Sở Nội vụ" - 1},
	{"Ban Tuyên giáo các huyện, thị, thành phố; Tuyên huấn các Đảng ủy trực thuộc Tỉnh ủy, Ủy "
	 "ban Mặt trận Tổ quốc và các tổ chức chính trị- xã hội của tỉnh chỉ đạo",
	 4,
	 sizeof "Ban Tuyên giáo các huyện, thị, thành phố; Tuyên huấn các Đảng ủy trực thuộc Tỉnh "
		"ủy, Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị- xã hội của tỉnh" -
		 1},
	{"Tổng hợp, báo cáo", 0, 0},
};

Test(body, list)
{
	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
		const list_case *c = &lists[i];
		cm_body_level level;
		size_t count, k = cm_body_list_at(c->text, strlen(c->text), 0, 0, &count, &level);

		cr_expect_eq(count, c->count, "\"%s\": %zu bodies, want %zu", c->text, count,
			     c->count);
		cr_expect_eq(k, c->len, "\"%s\": got \"%.*s\"", c->text, (int)k, c->text);
	}
}

typedef struct {
	const char *name, *query;
	int match;
} match_case;

static const match_case matches[] = {
	{"Ban Dân vận Tỉnh ủy", "Ban Dân vận", 1},
	{"Ban Dân vận Tỉnh ủy", "ban dan van", 1},
	{"Ban Dân vận Tỉnh ủy", "BDV", 1},
	{"Ban Dân vận Tỉnh ủy", "BDV Tỉnh ủy", 1},
	{"Ban Thường vụ Tỉnh ủy", "BTV", 1},
	{"UBND các huyện, thành phố", "Ủy ban nhân dân", 1},
	{"Ủy ban nhân dân tỉnh", "UBND tỉnh", 1},
	{"Ban Thường trực Ủy ban MTTQ tỉnh", "Mặt trận Tổ quốc", 1},
	/* an abbreviation typed in lower case without marks */
	{"Ban Thường trực Ủy ban MTTQ tỉnh", "ban thuong truc uy ban mttq", 1},
	{"Ban Chỉ đạo Phong trào thi đua", "bcd", 1},
	{"Hội đồng nhân dân huyện", "hdnd huyen", 1},
	/* but not a two-letter one: "tu" is a word (tư, từ) */
	{"Ban Tuyên giáo Tỉnh ủy", "ban tuyen giao tu", 0},
	{"Ban Tuyên giáo Tỉnh ủy", "ban tuyen giao TU", 1},
	{"Ban Tuyên giáo Tỉnh uỷ", "Ban Tuyên giáo Tỉnh ủy", 1},
	{"Ban Dân vận Tỉnh ủy", "Dâ", 0},
	{"Ban Dân vận Tỉnh ủy", "Ban Tuyên giáo", 0},
	{"Ban Thường vụ Tỉnh ủy", "Ban Thường trực", 0},
	{"Hội Nhà báo tỉnh", "BDV", 0},
};

Test(body, matches)
{
	for (size_t i = 0; i < sizeof matches / sizeof matches[0]; i++)
		cr_expect_eq(cm_body_matches(matches[i].name, matches[i].query), matches[i].match,
			     "\"%s\" ~ \"%s\"", matches[i].name, matches[i].query);
}

Test(body, key_writes_abbreviations_out)
{
	char *key = NULL;

	cr_assert_eq(cm_body_key(&key, "UBND tỉnh Trà Vinh", strlen("UBND tỉnh Trà Vinh")), 0);
	cr_expect_str_eq(key, "uy ban nhan dan tinh tra vinh");
	free(key);
	cr_expect_str_eq(cm_body_level_name(CM_LEVEL_DISTRICT), "district");
	cr_expect_null(cm_body_level_name(CM_LEVEL_UNKNOWN));
}
