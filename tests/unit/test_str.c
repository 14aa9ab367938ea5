/* Unit tests for runtime/str.c and runtime/strmethods.c: creation and
 * interning, code point indexing, repr quoting, the constructor and the
 * methods, checked against what CPython 3.11 prints. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "runtime/runtime.h"
#include "unit_helpers.h"

TestSuite(str, .init = ut_setup);

/* s.name(*args) */
static Value call(const char *s, const char *name, int n, ...)
{
    Value args[8];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        args[i] = va_arg(ap, Value);
    va_end(ap);
    return obj_call_method(S(s), name, args, n);
}

Test(str, counts_code_points)
{
    StrObj *s = str_from_cstr("h\xc3\xa9llo \xe4\xb8\xad");
    cr_assert_eq(s->nbytes, 10);
    cr_assert_eq(s->nchars, 7);
    cr_assert(!s->ascii);
    cr_assert(str_from_cstr("abc")->ascii);
    cr_assert_eq(obj_len(V_OBJ(s)), 7);
}

Test(str, interning_returns_canonical_copy)
{
    StrObj *a = str_intern(str_from_cstr("some_name"));
    StrObj *b = str_intern(str_from_cstr("some_name"));
    cr_assert_eq(a, b);
    cr_assert_eq(str_intern_cstr("some_name"), a);
    cr_assert(str_eq(a, str_from_cstr("some_name")));
    cr_assert(!str_eq(a, str_intern_cstr("other_name")));
}

Test(str, indexing_and_slicing_by_code_point)
{
    Value s = S("h\xc3\xa9llo \xe4\xb8\xad");
    cr_assert_str_eq(cstr(obj_getitem(s, V_INT(1))), "\xc3\xa9");
    cr_assert_str_eq(cstr(obj_getitem(s, V_INT(-1))), "\xe4\xb8\xad");
    Value sl = slice_new(V_INT(1), V_INT(4), V_NONE);
    cr_assert_str_eq(cstr(obj_getitem(s, sl)), "\xc3\xa9ll");
    sl = slice_new(V_NONE, V_NONE, V_INT(-1));
    cr_assert_str_eq(cstr(obj_getitem(s, sl)), "\xe4\xb8\xad oll\xc3\xa9h");
    sl = slice_new(V_NONE, V_NONE, V_INT(2));
    cr_assert_str_eq(cstr(obj_getitem(S("abcdef"), sl)), "ace");
    expect_error(obj_getitem(s, V_INT(7)), &exc_IndexError,
                 "string index out of range");
    expect_error(obj_getitem(s, V_FLOAT(1.0)), &exc_TypeError,
                 "string indices must be integers, not 'float'");
}

Test(str, iteration_yields_characters)
{
    Value it = obj_iter(S("a\xc3\xa9" "b"));
    cr_assert_str_eq(cstr(obj_next(it)), "a");
    cr_assert_str_eq(cstr(obj_next(it)), "\xc3\xa9");
    cr_assert_str_eq(cstr(obj_next(it)), "b");
    cr_assert(IS_NULL(obj_next(it)) && !err_occurred());
}

Test(str, concat_repeat_and_errors)
{
    cr_assert_str_eq(cstr(obj_binop(S("ab"), S("cd"), BOP_ADD)), "abcd");
    cr_assert_str_eq(cstr(obj_binop(S("ab"), V_INT(3), BOP_MUL)), "ababab");
    cr_assert_str_eq(cstr(obj_binop(V_INT(2), S("xy"), BOP_MUL)), "xyxy");
    cr_assert_str_eq(cstr(obj_binop(S("ab"), V_INT(-1), BOP_MUL)), "");
    expect_error(obj_binop(S("a"), V_INT(1), BOP_ADD), &exc_TypeError,
                 "can only concatenate str (not \"int\") to str");
    expect_error(obj_binop(S("a"), S("b"), BOP_MUL), &exc_TypeError,
                 "can't multiply sequence by non-int of type 'str'");
}

Test(str, contains_and_compare)
{
    cr_assert_eq(obj_contains(S("hello"), S("ell")), 1);
    cr_assert_eq(obj_contains(S("hello"), S("")), 1);
    cr_assert_eq(obj_contains(S("hello"), S("elo")), 0);
    cr_assert_eq(obj_contains(S("a"), V_INT(1)), -1);
    expect_error(V_NULL, &exc_TypeError,
                 "'in <string>' requires string as left operand, not int");
    cr_assert(obj_richcmp_bool(S("abc"), S("abd"), CMP_LT));
    cr_assert(obj_richcmp_bool(S("ab"), S("abc"), CMP_LT));
    cr_assert(obj_richcmp_bool(S("\xc3\xa9"), S("z"), CMP_GT));
    cr_assert(obj_eq(S("x"), S("x")));
}

Test(str, repr_quoting)
{
    cr_assert_str_eq(repr_of(S("plain")), "'plain'");
    cr_assert_str_eq(repr_of(S("it's")), "\"it's\"");
    cr_assert_str_eq(repr_of(S("both ' and \"")), "'both \\' and \"'");
    cr_assert_str_eq(repr_of(S("tab\there\n\\")), "'tab\\there\\n\\\\'");
    cr_assert_str_eq(repr_of(S("\r\x0b\x7f")), "'\\r\\x0b\\x7f'");
    cr_assert_str_eq(repr_of(S("\xc3\xa9\xe4\xb8\xad")), "'\xc3\xa9\xe4\xb8\xad'");
}

Test(str, repr_escapes_non_printable_unicode)
{
    cr_assert_str_eq(repr_of(S("\xe2\x80\x8b")), "'\\u200b'");
    cr_assert_str_eq(repr_of(S("\xc2\x80")), "'\\x80'");
    cr_assert_str_eq(repr_of(S("\xc2\xa0")), "'\\xa0'");
    cr_assert_str_eq(repr_of(S("\xc2\xad")), "'\\xad'");
    cr_assert_str_eq(repr_of(S("\xe2\x80\xa8")), "'\\u2028'");
    cr_assert_str_eq(repr_of(S("\xee\x80\x80")), "'\\ue000'");
    cr_assert_str_eq(repr_of(S("\xf0\x9f\x98\x80")), "'\xf0\x9f\x98\x80'");
    cr_assert_str_eq(repr_of(S("\xf3\xb0\x80\x80")), "'\\U000f0000'");
    cr_assert_str_eq(cstr(str_ascii(S("\xc3\xa9\xe4\xb8\xad"))),
                     "'\\xe9\\u4e2d'");
}

Test(str, constructor_and_decoding)
{
    Value a = V_INT(42);
    cr_assert_str_eq(cstr(obj_call(V_OBJ(&str_type), &a, 1, NULL)), "42");
    cr_assert_str_eq(cstr(obj_call(V_OBJ(&str_type), &a, 0, NULL)), "");
    Value args[2] = {V_OBJ(bytes_new("\xc3\xa9", 2)), S("utf-8")};
    cr_assert_str_eq(cstr(obj_call(V_OBJ(&str_type), args, 2, NULL)),
                     "\xc3\xa9");
    args[0] = V_OBJ(bytes_new("\xe4\xb8", 2));
    expect_error(obj_call(V_OBJ(&str_type), args, 2, NULL),
                 &exc_UnicodeDecodeError,
                 "'utf-8' codec can't decode bytes in position 0-1: "
                 "unexpected end of data");
    args[0] = V_OBJ(bytes_new("\xe4" "A", 2));
    expect_error(obj_call(V_OBJ(&str_type), args, 2, NULL),
                 &exc_UnicodeDecodeError,
                 "'utf-8' codec can't decode byte 0xe4 in position 0: "
                 "invalid continuation byte");
}

Test(str, chr_and_ord)
{
    cr_assert_str_eq(cstr(str_from_codepoint(0x4e2d)), "\xe4\xb8\xad");
    cr_assert_eq(str_ord(str_from_cstr("\xe2\x82\xac")), 0x20ac);
    expect_error(str_from_codepoint(0x110000), &exc_ValueError,
                 "chr() arg not in range(0x110000)");
}

Test(str, split_variants)
{
    cr_assert_str_eq(repr_of(call("  a b  c ", "split", 0)),
                     "['a', 'b', 'c']");
    cr_assert_str_eq(repr_of(call("a,b,,c", "split", 1, S(","))),
                     "['a', 'b', '', 'c']");
    cr_assert_str_eq(repr_of(call(" a b c ", "split", 2, V_NONE, V_INT(1))),
                     "['a', 'b c ']");
    cr_assert_str_eq(repr_of(call(" a b c ", "rsplit", 2, V_NONE, V_INT(1))),
                     "[' a b', 'c']");
    cr_assert_str_eq(repr_of(call("a,b,c", "rsplit", 2, S(","), V_INT(1))),
                     "['a,b', 'c']");
    cr_assert_str_eq(repr_of(call("ab\ncd\r\nef\r", "splitlines", 0)),
                     "['ab', 'cd', 'ef']");
    cr_assert_str_eq(repr_of(call("ab\ncd", "splitlines", 1, V_TRUE)),
                     "['ab\\n', 'cd']");
    expect_error(call("a", "split", 1, S("")), &exc_ValueError,
                 "empty separator");
}

Test(str, join_strip_replace)
{
    Value l = V_OBJ(tuple_pack(3, S("x"), S("y"), S("z")));
    cr_assert_str_eq(cstr(call(", ", "join", 1, l)), "x, y, z");
    l = V_OBJ(tuple_pack(2, S("x"), V_INT(1)));
    expect_error(call(",", "join", 1, l), &exc_TypeError,
                 "sequence item 1: expected str instance, int found");
    cr_assert_str_eq(cstr(call("  hi \n", "strip", 0)), "hi");
    cr_assert_str_eq(cstr(call("xxhixx", "lstrip", 1, S("x"))), "hixx");
    cr_assert_str_eq(cstr(call("xxhiyx", "rstrip", 1, S("xy"))), "xxhi");
    cr_assert_str_eq(cstr(call("aaa", "replace", 3, S("a"), S("b"), V_INT(2))),
                     "bba");
    cr_assert_str_eq(cstr(call("ab", "replace", 2, S(""), S("-"))), "-a-b-");
}

Test(str, find_count_and_affixes)
{
    cr_assert_eq(AS_INT(call("h\xc3\xa9llo", "find", 1, S("l"))), 2);
    cr_assert_eq(AS_INT(call("hello", "rfind", 1, S("l"))), 3);
    cr_assert_eq(AS_INT(call("hello", "find", 2, S("l"), V_INT(4))), -1);
    cr_assert_eq(AS_INT(call("hello", "count", 1, S("l"))), 2);
    cr_assert_eq(AS_INT(call("abc", "count", 1, S(""))), 4);
    cr_assert_eq(AS_INT(call("abc", "find", 2, S(""), V_INT(3))), 3);
    cr_assert_eq(AS_INT(call("abc", "find", 2, S(""), V_INT(4))), -1);
    expect_error(call("abc", "index", 1, S("z")), &exc_ValueError,
                 "substring not found");
    Value t = V_OBJ(tuple_pack(2, S("x"), S("bc")));
    cr_assert(AS_BOOL(call("abc", "endswith", 1, t)));
    cr_assert(AS_BOOL(call("abc", "startswith", 2, S("b"), V_INT(1))));
    cr_assert(!AS_BOOL(call("abc", "startswith", 1, S("abcd"))));
}

Test(str, case_mapping_follows_unicode)
{
    cr_assert_str_eq(cstr(call("h\xc3\xa9llo", "upper", 0)), "H\xc3\x89LLO");
    cr_assert_str_eq(cstr(call("stra\xc3\x9f" "e", "upper", 0)), "STRASSE");
    cr_assert_str_eq(cstr(call("\xc7\x85", "lower", 0)), "\xc7\x86");
    cr_assert_str_eq(cstr(call("hello wORLD", "title", 0)), "Hello World");
    cr_assert_str_eq(cstr(call("they're", "title", 0)), "They'Re");
    cr_assert_str_eq(cstr(call("\xc3\xa9lan", "capitalize", 0)), "\xc3\x89lan");
    cr_assert_str_eq(cstr(call("\xc3\x84" "bC", "swapcase", 0)), "\xc3\xa4" "Bc");
    cr_assert_str_eq(cstr(call("Stra\xc3\x9f" "e", "casefold", 0)), "strasse");
}

Test(str, predicates)
{
    cr_assert(AS_BOOL(call("123", "isdigit", 0)));
    cr_assert(!AS_BOOL(call("12.3", "isdigit", 0)));
    cr_assert(!AS_BOOL(call("", "isalpha", 0)));
    cr_assert(AS_BOOL(call("\xe4\xb8\xad", "isalpha", 0)));
    cr_assert(AS_BOOL(call("\xd9\xa3", "isdigit", 0)));
    cr_assert(AS_BOOL(call("\xc2\xa0", "isspace", 0)));
    cr_assert(AS_BOOL(call("HELLO1", "isupper", 0)));
    cr_assert(!AS_BOOL(call("123", "islower", 0)));
    cr_assert(AS_BOOL(call("Title Case", "istitle", 0)));
    cr_assert(!AS_BOOL(call("not Title", "istitle", 0)));
    cr_assert(AS_BOOL(call("_a1", "isidentifier", 0)));
    cr_assert(!AS_BOOL(call("1a", "isidentifier", 0)));
    cr_assert(AS_BOOL(call("abc", "isascii", 0)));
}

Test(str, padding)
{
    cr_assert_str_eq(cstr(call("ab", "center", 1, V_INT(5))), "  ab ");
    cr_assert_str_eq(cstr(call("a", "center", 1, V_INT(4))), " a  ");
    cr_assert_str_eq(cstr(call("abc", "center", 2, V_INT(8), S("*"))),
                     "**abc***");
    cr_assert_str_eq(cstr(call("ab", "ljust", 2, V_INT(4), S("-"))), "ab--");
    cr_assert_str_eq(cstr(call("ab", "rjust", 1, V_INT(4))), "  ab");
    cr_assert_str_eq(cstr(call("-42", "zfill", 1, V_INT(6))), "-00042");
    cr_assert_str_eq(cstr(call("a\tbc\td", "expandtabs", 1, V_INT(4))),
                     "a   bc  d");
    expect_error(call("a", "center", 2, V_INT(3), S("ab")), &exc_TypeError,
                 "The fill character must be exactly one character long");
}

Test(str, partition_and_affix_removal)
{
    cr_assert_str_eq(repr_of(call("k=v=w", "partition", 1, S("="))),
                     "('k', '=', 'v=w')");
    cr_assert_str_eq(repr_of(call("k=v=w", "rpartition", 1, S("="))),
                     "('k=v', '=', 'w')");
    cr_assert_str_eq(repr_of(call("kv", "rpartition", 1, S("="))),
                     "('', '', 'kv')");
    cr_assert_str_eq(cstr(call("prefix_x", "removeprefix", 1, S("prefix_"))),
                     "x");
    cr_assert_str_eq(cstr(call("x.py", "removesuffix", 1, S(".txt"))), "x.py");
}

Test(str, encode)
{
    cr_assert_str_eq(repr_of(call("h\xc3\xa9", "encode", 0)), "b'h\\xc3\\xa9'");
    cr_assert_str_eq(repr_of(call("h\xc3\xa9", "encode", 1, S("latin-1"))),
                     "b'h\\xe9'");
    expect_error(call("\xc3\xa9\xe4\xb8\xad!", "encode", 1, S("ascii")),
                 &exc_UnicodeEncodeError,
                 "'ascii' codec can't encode characters in position 0-1: "
                 "ordinal not in range(128)");
    cr_assert_str_eq(repr_of(call("\xc3\xa9" "a", "encode", 2, S("ascii"),
                                  S("replace"))), "b'?a'");
    expect_error(call("a", "encode", 1, S("xx")), &exc_LookupError,
                 "unknown encoding: xx");
}

/* str_finish counts code points eight bytes at a time: put 2-, 3- and
 * 4-byte characters at every offset across word boundaries and compare
 * with counting the lead bytes one by one. */
Test(str, code_point_count_at_every_offset_and_length)
{
    static const char *const chars[] = {"a", "\xc3\xa9", "\xe2\x82\xac",
                                        "\xf0\x9f\x98\x80"};
    char buf[64];
    for (int len = 0; len < 24; len++) {
        for (int k = 0; k < 4; k++) {
            size_t n = 0, expect = 0;
            for (int i = 0; i < len; i++) {
                const char *c = chars[(i * 3 + k) % 4];
                memcpy(buf + n, c, strlen(c));
                n += strlen(c);
                expect++;
            }
            StrObj *s = str_new(buf, n);
            cr_assert_eq(s->nchars, expect, "len %d variant %d", len, k);
            cr_assert_eq(s->ascii, k == 0 && len < 2 ? 1 : s->nchars == n);
        }
    }
}

/* Strings known to be ASCII skip the UTF-8 scan but must look exactly as
 * if scanned; lengths 0 and 1 are the shared singletons. */
Test(str, new_ascii_matches_the_scanning_constructor)
{
    StrObj *a = str_new_ascii("item12345", 9), *b = str_from_cstr("item12345");
    cr_assert_eq(a->nbytes, 9);
    cr_assert_eq(a->nchars, 9);
    cr_assert(a->ascii && !a->interned);
    cr_assert(str_eq(a, b));
    cr_assert_eq(str_hash(a), str_hash(b));
    cr_assert_eq(a->data[9], '\0');
    cr_assert_eq(str_new_ascii("", 0), str_empty());
    cr_assert_eq(str_new_ascii("x", 1), str_ascii_char('x'));
    cr_assert_eq(str_new_ascii("x", 1), str_from_cstr("x"));
}

/* A str's block ends at its NUL: no struct padding, so "item12345" fits
 * a 64-byte size class. */
Test(str, block_is_exactly_header_text_and_nul)
{
    StrObj *s = str_new_ascii("item12345", 9);
    cr_assert_eq(s->hdr.gc_size, offsetof(StrObj, data) + 10);
    cr_assert_leq(s->hdr.gc_size, 64);
}

Test(str, join_counts_code_points_of_parts_and_separator)
{
    Value l = V_OBJ(list_new(0));
    list_append((ListObj *)AS_OBJ(l), S("h\xc3\xa9"));
    list_append((ListObj *)AS_OBJ(l), S("ab"));
    list_append((ListObj *)AS_OBJ(l), S(""));
    Value r = call("\xe2\x82\xac", "join", 1, l);
    cr_assert_str_eq(cstr(r), "h\xc3\xa9\xe2\x82\xac" "ab\xe2\x82\xac");
    StrObj *s = (StrObj *)AS_OBJ(r);
    cr_assert_eq(s->nchars, 6);
    cr_assert(!s->ascii);
    r = call(",", "join", 1, l);
    cr_assert_eq(((StrObj *)AS_OBJ(r))->nchars, 6);
    StrObj *ascii = (StrObj *)AS_OBJ(call("-", "join", 1, V_OBJ(list_new(0))));
    cr_assert_eq(ascii, str_empty());
}

/* Parts of an ASCII string are ASCII; parts of other strings are scanned
 * (an ASCII field of a non-ASCII string is still flagged ASCII). */
Test(str, split_parts_have_correct_lengths_and_flags)
{
    Value r = call("a\xc3\xa9,bc,,d", "split", 1, S(","));
    ListObj *l = (ListObj *)AS_OBJ(r);
    cr_assert_eq(l->n, 4);
    StrObj *p0 = (StrObj *)AS_OBJ(l->items[0]), *p1 = (StrObj *)AS_OBJ(l->items[1]);
    cr_assert_eq(p0->nchars, 2);
    cr_assert(!p0->ascii);
    cr_assert_eq(p1->nchars, 2);
    cr_assert(p1->ascii);
    cr_assert_eq(AS_OBJ(l->items[2]), (Obj *)str_empty());
    r = call("x,y,z", "rsplit", 2, S(","), V_INT(1));
    cr_assert_str_eq(repr_of(r), "['x,y', 'z']");
}

/* Step slices of ASCII text are built in place; one character comes back
 * as the shared singleton. */
Test(str, ascii_step_slices)
{
    Value s = S("0123456789");
    Value r = obj_getitem(s, slice_new(V_NONE, V_NONE, V_INT(3)));
    cr_assert_str_eq(cstr(r), "0369");
    cr_assert_eq(((StrObj *)AS_OBJ(r))->nchars, 4);
    r = obj_getitem(s, slice_new(V_INT(8), V_NONE, V_INT(-3)));
    cr_assert_str_eq(cstr(r), "852");
    r = obj_getitem(s, slice_new(V_INT(5), V_INT(6), V_INT(7)));
    cr_assert_eq(AS_OBJ(r), (Obj *)str_ascii_char('5'));
    r = obj_getitem(s, slice_new(V_INT(4), V_NONE, V_NONE));
    cr_assert_str_eq(cstr(r), "456789");
    cr_assert(((StrObj *)AS_OBJ(r))->ascii);
}

/* The hash reads a word at a time: every byte of every length up to a few
 * words must count, and equal texts hash equal whatever their origin.
 * Short copies take a word-move shortcut: every length must round-trip. */
Test(str, hash_and_copy_cover_every_byte_at_every_length)
{
    char text[48], other[48];
    for (size_t n = 0; n <= 40; n++) {
        for (size_t i = 0; i < n; i++)
            text[i] = (char)('a' + (i * 7) % 26);
        StrObj *a = str_new_ascii(text, n);
        cr_assert_eq(a->nbytes, n);
        cr_assert(memcmp(a->data, text, n) == 0 && a->data[n] == '\0');
        StrObj *b = str_new(text, n);
        cr_assert_eq(str_hash(a), str_hash(b), "length %zu", n);
        for (size_t i = 0; i < n; i++) {
            memcpy(other, text, n);
            other[i] ^= 1;
            StrObj *c = str_new_ascii(other, n);
            cr_assert_neq(str_hash(a), str_hash(c), "length %zu byte %zu", n, i);
            cr_assert(!str_eq(a, c));
        }
    }
    /* Low bits, which index the tables, differ among similar keys. */
    int seen[64] = {0}, distinct = 0;
    for (int i = 0; i < 64; i++) {
        char key[16];
        int len = snprintf(key, sizeof key, "key%d", i);
        int slot = (int)(str_hash(str_new_ascii(key, (size_t)len)) & 63);
        distinct += !seen[slot]++;
    }
    cr_assert_geq(distinct, 32);
}

Test(str, decimal_ascii_for_number_parsing)
{
    size_t n = 99;
    /* ASCII text needs no copy */
    cr_assert_null(str_decimal_ascii(str_from_cstr(" 12 "), &n));
    /* Arabic-Indic 1 2 3, NBSP and EM SPACE, a full-width 9 and 'x' */
    char *t = str_decimal_ascii(str_from_cstr("\u0661\u0662\u0663\u00a0"
                                              "\u2003\uff19\uff58-"), &n);
    cr_assert_not_null(t);
    cr_assert_eq(n, 8);
    cr_assert_str_eq(t, "123  9?-");
    free(t);
    /* the last digit of a run, and a digit from the astral planes */
    t = str_decimal_ascii(str_from_cstr("\u0669\U0001D7FF\u00b2"), &n);
    cr_assert_str_eq(t, "99?"); /* superscript two is a digit, not decimal */
    free(t);
}
