/* SPDX-License-Identifier: GPL-2.0-or-later */

/* furniture.c: the labels of a news or party web site that survive when a
 * directive's page is read as text ("Gửi cho bạn bè", "Phản hồi", "Xem
 * nhiều nhất", login prompts…). A block of a page whose whole text is such a
 * label, or starts with a prompt, is site furniture, not the directive. The
 * comparison ignores case, Unicode normalization, surrounding white space
 * and closing punctuation such as ":" or "»". */
#include "read/reader.h"

#include <string.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

/* Longer blocks are never furniture (and are not looked at). */
#define FURNITURE_MAX 200

/* Whole-block labels, in lower case NFC. */
static const char *const labels[] = {
	"gửi cho bạn bè",
	"gửi bạn bè",
	"gửi email",
	"phản hồi",
	"gửi phản hồi",
	"thông tin người gửi phản hồi",
	"các tin khác",
	"tin khác",
	"xem nhiều nhất",
	"đọc nhiều nhất",
	"tin liên quan",
	"bài viết liên quan",
	"tin mới",
	"tin mới nhất",
	"in bài viết",
	"in trang",
	"bản in",
	"chia sẻ",
	"về đầu trang",
	"lên đầu trang",
	"quay lại",
	"trở về",
	"trang chủ",
	"đăng nhập",
	"đăng ký",
	"đăng xuất",
	"tìm kiếm",
	"bình luận",
	"ý kiến bạn đọc",
	"ý kiến của bạn",
	"họ và tên",
	"địa chỉ email",
	"mã xác nhận",
	"gửi",
	"hủy",
	"xem thêm",
	"top",
};

/* Prompts that open a block of furniture, in lower case NFC. */
static const char *const prompts[] = {
	"bạn cần đăng nhập", "bạn phải đăng nhập", "vui lòng đăng nhập", "đăng nhập để",
	"lượt xem:",         "số lượt truy cập",   "bản quyền thuộc về", "©",
	"copyright",
};

/* s folded (case, NFC) into out (UTF-8, NUL-terminated); 0, or -1 if it does
 * not fit or is not valid UTF-8. */
static int fold(char *out, size_t cap, const char *s, size_t n)
{
	UChar raw[FURNITURE_MAX + 1], low[2 * FURNITURE_MAX + 8], nfc[2 * FURNITURE_MAX + 8];
	UErrorCode err = U_ZERO_ERROR;
	int32_t nraw, nlow, nnfc, nout;
	const UNormalizer2 *norm = unorm2_getNFCInstance(&err);

	u_strFromUTF8(raw, FURNITURE_MAX + 1, &nraw, s, (int32_t)n, &err);
	nlow = u_strFoldCase(low, (int32_t)(sizeof low / sizeof low[0]), raw, nraw,
			     U_FOLD_CASE_DEFAULT, &err);
	nnfc = unorm2_normalize(norm, low, nlow, nfc, (int32_t)(sizeof nfc / sizeof nfc[0]), &err);
	u_strToUTF8(out, (int32_t)cap, &nout, nfc, nnfc, &err);
	if (U_FAILURE(err) || err == U_STRING_NOT_TERMINATED_WARNING)
		return -1;
	return 0;
}

static int is_edge(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == ':' || c == '|' ||
	       c == '>' || c == '.';
}

/* Drops white space and closing punctuation around [*s, *s + *n). */
static void trim(const char **s, size_t *n)
{
	static const char *const marks[] = {"»", "›", "→"};
	int again = 1;

	while (*n > 0 && is_edge((unsigned char)**s)) {
		(*s)++;
		(*n)--;
	}
	while (again) {
		again = 0;
		while (*n > 0 && is_edge((unsigned char)(*s)[*n - 1]))
			(*n)--;
		for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
			size_t k = strlen(marks[i]);
			if (*n >= k && memcmp(*s + *n - k, marks[i], k) == 0) {
				*n -= k;
				again = 1;
			}
		}
	}
}

int cm_furniture_is(const char *s, size_t n)
{
	char folded[8 * FURNITURE_MAX];

	trim(&s, &n);
	if (n == 0 || n > FURNITURE_MAX || fold(folded, sizeof folded, s, n) < 0)
		return 0;
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(folded, labels[i]) == 0)
			return 1;
	for (size_t i = 0; i < sizeof prompts / sizeof prompts[0]; i++)
		if (strncmp(folded, prompts[i], strlen(prompts[i])) == 0)
			return 1;
	return 0;
}
