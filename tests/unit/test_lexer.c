/*
 * test_lexer.c - the tokenizer: token streams, indentation, literals, and
 * the errors CPython 3.11's tokenizer reports, with the same messages,
 * lines and caret offsets.
 */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/lexer.h"

/* The token kinds of `src`, space-separated, up to ENDMARKER or the
 * error token. */
static char *kinds(const char *src)
{
    static char buf[4096];
    Lexer lx;
    cr_assert_eq(lex_init(&lx, src, strlen(src), "t.py"), 0);
    buf[0] = '\0';
    LexToken t;
    for (;;) {
        LexKind k = lex_next(&lx, &t);
        if (buf[0])
            strcat(buf, " ");
        strcat(buf, lex_kind_name(k));
        if (k == LEX_ENDMARKER || k == LEX_ERROR)
            break;
    }
    lex_free(&lx);
    return buf;
}

/* The text of each token, '|'-separated (strings and numbers as written). */
static char *texts(const char *src)
{
    static char buf[4096];
    Lexer lx;
    cr_assert_eq(lex_init(&lx, src, strlen(src), "t.py"), 0);
    buf[0] = '\0';
    LexToken t;
    while (lex_next(&lx, &t) != LEX_ENDMARKER && t.kind != LEX_ERROR) {
        if (t.kind == LEX_NEWLINE || t.kind == LEX_INDENT || t.kind == LEX_DEDENT)
            continue;
        strncat(buf, t.start, t.len);
        strcat(buf, "|");
    }
    lex_free(&lx);
    return buf;
}

/* The error that ends lexing `src`: "Kind: message @line:offset", with a
 * trailing " (hard)" for errors that win over any parser error. */
static char *lex_error(const char *src)
{
    static char buf[512];
    Lexer lx;
    cr_assert_eq(lex_init(&lx, src, strlen(src), "t.py"), 0);
    LexToken t;
    while (lex_next(&lx, &t) != LEX_ERROR)
        cr_assert_neq(t.kind, LEX_ENDMARKER, "no error in %s", src);
    snprintf(buf, sizeof buf, "%s: %s @%d:%d%s",
             ast_error_kind_name(lx.err.kind), lx.err.msg, lx.err.lineno,
             lx.err.offset, lx.hard_error ? " (hard)" : "");
    lex_free(&lx);
    return buf;
}

/* ------------------------------------------------------------------ */
/* Token streams                                                       */
/* ------------------------------------------------------------------ */

Test(lexer, simple_statement)
{
    cr_expect_str_eq(kinds("x = 1\n"), "NAME '=' NUMBER NEWLINE ENDMARKER");
}

Test(lexer, final_newline_is_implied)
{
    cr_expect_str_eq(kinds("x"), "NAME NEWLINE ENDMARKER");
}

Test(lexer, empty_source_is_just_endmarker)
{
    cr_expect_str_eq(kinds(""), "ENDMARKER");
}

Test(lexer, keywords_have_their_own_kinds)
{
    cr_expect_str_eq(kinds("if not x in y is None: pass"),
                     "'if' 'not' NAME 'in' NAME 'is' 'None' ':' 'pass' NEWLINE ENDMARKER");
}

Test(lexer, soft_keywords_are_names)
{
    cr_expect_str_eq(kinds("match case _"), "NAME NAME NAME NEWLINE ENDMARKER");
}

Test(lexer, async_and_await_are_keywords)
{
    cr_expect_str_eq(kinds("async await"), "'async' 'await' NEWLINE ENDMARKER");
}

Test(lexer, three_character_operators)
{
    cr_expect_str_eq(kinds("**= //= >>= <<= ..."),
                     "'**=' '//=' '>>=' '<<=' '...' NEWLINE ENDMARKER");
}

Test(lexer, two_character_operators)
{
    cr_expect_str_eq(kinds("-> := != == <= >= ** // << >> @= += -= *= /= %= &= |= ^="),
                     "'->' ':=' '!=' '==' '<=' '>=' '**' '//' '<<' '>>' '@=' '+=' "
                     "'-=' '*=' '/=' '%=' '&=' '|=' '^=' NEWLINE ENDMARKER");
}

Test(lexer, old_inequality_is_a_token_of_its_own)
{
    cr_expect_str_eq(kinds("1 <> 2"), "NUMBER '<>' NUMBER NEWLINE ENDMARKER");
}

Test(lexer, meaningless_characters_are_op_tokens)
{
    cr_expect_str_eq(kinds("$ ? !"), "OP OP OP NEWLINE ENDMARKER");
}

Test(lexer, two_dots_are_two_tokens)
{
    cr_expect_str_eq(kinds("a..b"), "NAME '.' '.' NAME NEWLINE ENDMARKER");
}

Test(lexer, comments_are_skipped)
{
    cr_expect_str_eq(kinds("x  # a comment\n# another\ny\n"),
                     "NAME NEWLINE NAME NEWLINE ENDMARKER");
}

Test(lexer, brackets_join_lines)
{
    cr_expect_str_eq(kinds("f(a,\n  b,  # c\n\n  c)\n"),
                     "NAME '(' NAME ',' NAME ',' NAME ')' NEWLINE ENDMARKER");
}

Test(lexer, backslash_joins_lines)
{
    cr_expect_str_eq(kinds("x = 1 + \\\n    2\n"),
                     "NAME '=' NUMBER '+' NUMBER NEWLINE ENDMARKER");
}

Test(lexer, crlf_and_cr_are_newlines)
{
    cr_expect_str_eq(kinds("a\r\nb\rc\n"),
                     "NAME NEWLINE NAME NEWLINE NAME NEWLINE ENDMARKER");
}

Test(lexer, byte_order_mark_is_skipped)
{
    cr_expect_str_eq(kinds("\xef\xbb\xbfx\n"), "NAME NEWLINE ENDMARKER");
}

Test(lexer, form_feed_is_whitespace)
{
    cr_expect_str_eq(kinds("x \f= 1\n"), "NAME '=' NUMBER NEWLINE ENDMARKER");
}

/* ------------------------------------------------------------------ */
/* Indentation                                                         */
/* ------------------------------------------------------------------ */

Test(lexer, indent_and_dedent)
{
    cr_expect_str_eq(kinds("if x:\n    y\nz\n"),
                     "'if' NAME ':' NEWLINE INDENT NAME NEWLINE DEDENT NAME NEWLINE "
                     "ENDMARKER");
}

Test(lexer, several_dedents_at_once)
{
    cr_expect_str_eq(kinds("if a:\n  if b:\n    c\nd\n"),
                     "'if' NAME ':' NEWLINE INDENT 'if' NAME ':' NEWLINE INDENT NAME "
                     "NEWLINE DEDENT DEDENT NAME NEWLINE ENDMARKER");
}

Test(lexer, dedents_at_end_of_file)
{
    cr_expect_str_eq(kinds("if a:\n  if b:\n    c"),
                     "'if' NAME ':' NEWLINE INDENT 'if' NAME ':' NEWLINE INDENT NAME "
                     "NEWLINE DEDENT DEDENT ENDMARKER");
}

Test(lexer, blank_and_comment_lines_do_not_indent)
{
    cr_expect_str_eq(kinds("if a:\n\n        # deep comment\n  b\n   \n  c\n"),
                     "'if' NAME ':' NEWLINE INDENT NAME NEWLINE NAME NEWLINE DEDENT "
                     "ENDMARKER");
}

Test(lexer, tab_counts_to_next_multiple_of_eight)
{
    /* A tab after four spaces reaches column 8, as eight spaces do... */
    cr_expect_str_eq(kinds("if a:\n    \tb\n    \tc\n"),
                     "'if' NAME ':' NEWLINE INDENT NAME NEWLINE NAME NEWLINE DEDENT "
                     "ENDMARKER");
}

Test(lexer, tabs_and_spaces_must_agree)
{
    /* ...but mixing the two inconsistently is a TabError. */
    cr_expect_str_eq(lex_error("if x:\n\ta\n        b\n"),
                     "TabError: inconsistent use of tabs and spaces in indentation @3:1");
}

Test(lexer, inconsistent_dedent)
{
    cr_expect_str_eq(lex_error("if x:\n        a\n    b\n"),
                     "IndentationError: unindent does not match any outer indentation "
                     "level @3:6");
}

Test(lexer, no_indentation_inside_brackets)
{
    cr_expect_str_eq(kinds("x = [\n        1,\n  2]\ny\n"),
                     "NAME '=' '[' NUMBER ',' NUMBER ']' NEWLINE NAME NEWLINE ENDMARKER");
}

Test(lexer, too_many_levels_of_indentation)
{
    char src[20000] = "";
    for (int i = 0; i < 101; i++) {
        size_t n = strlen(src);
        memset(src + n, ' ', (size_t)i);
        strcpy(src + n + (size_t)i, "if x:\n");
    }
    cr_expect_str_eq(lex_error(src),
                     "IndentationError: too many levels of indentation @101:1");
}

/* ------------------------------------------------------------------ */
/* Numbers                                                             */
/* ------------------------------------------------------------------ */

Test(lexer, number_forms)
{
    cr_expect_str_eq(texts("1 0 00 0_0 1_000 0x1F 0XdEaD_beef 0o17 0O1 0b101 0B1_0\n"),
                     "1|0|00|0_0|1_000|0x1F|0XdEaD_beef|0o17|0O1|0b101|0B1_0|");
}

Test(lexer, float_forms)
{
    cr_expect_str_eq(texts("1.5 .5 5. 1e10 1E+10 1.5e-3 1_0.0_1 0.0\n"),
                     "1.5|.5|5.|1e10|1E+10|1.5e-3|1_0.0_1|0.0|");
}

Test(lexer, imaginary_numbers_are_lexed)
{
    /* The parser says they are not supported; the lexer reads them. */
    cr_expect_str_eq(texts("1j 1.5J\n"), "1j|1.5J|");
}

Test(lexer, keyword_may_follow_a_number)
{
    cr_expect_str_eq(texts("1if x else 2\n"), "1|if|x|else|2|");
}

Test(lexer, attribute_of_int_needs_a_space)
{
    cr_expect_str_eq(kinds("1 .real"), "NUMBER '.' NAME NEWLINE ENDMARKER");
}

Test(lexer, invalid_decimal_literal_underscore)
{
    cr_expect_str_eq(lex_error("x = 1_\n"), "SyntaxError: invalid decimal literal @1:6 (hard)");
}

Test(lexer, invalid_decimal_literal_double_underscore)
{
    cr_expect_str_eq(lex_error("x = 1__0\n"), "SyntaxError: invalid decimal literal @1:6 (hard)");
}

Test(lexer, invalid_decimal_literal_letter)
{
    cr_expect_str_eq(lex_error("x = 1a\n"), "SyntaxError: invalid decimal literal @1:5 (hard)");
}

Test(lexer, invalid_exponent)
{
    cr_expect_str_eq(lex_error("x = 1e\n"), "SyntaxError: invalid decimal literal @1:5 (hard)");
}

Test(lexer, invalid_hexadecimal_literal)
{
    cr_expect_str_eq(lex_error("x = 0x\n"),
                     "SyntaxError: invalid hexadecimal literal @1:6 (hard)");
}

Test(lexer, invalid_octal_digit)
{
    cr_expect_str_eq(lex_error("x = 0o8\n"),
                     "SyntaxError: invalid digit '8' in octal literal @1:7 (hard)");
}

Test(lexer, invalid_octal_literal)
{
    cr_expect_str_eq(lex_error("x = 0o\n"), "SyntaxError: invalid octal literal @1:6 (hard)");
}

Test(lexer, invalid_binary_digit)
{
    cr_expect_str_eq(lex_error("x = 0b12\n"),
                     "SyntaxError: invalid digit '2' in binary literal @1:8 (hard)");
}

Test(lexer, invalid_binary_literal)
{
    cr_expect_str_eq(lex_error("x = 0b1_\n"), "SyntaxError: invalid binary literal @1:8 (hard)");
}

Test(lexer, leading_zeros)
{
    cr_expect_str_eq(lex_error("x = 0777\n"),
                     "SyntaxError: leading zeros in decimal integer literals are not "
                     "permitted; use an 0o prefix for octal integers @1:5 (hard)");
}

/* ------------------------------------------------------------------ */
/* Strings                                                             */
/* ------------------------------------------------------------------ */

Test(lexer, string_prefixes)
{
    cr_expect_str_eq(texts("'a' \"b\" r'c' b'd' f'e' rb'f' BR'g' Rf'h' fR'i' u'j' U'k'\n"),
                     "'a'|\"b\"|r'c'|b'd'|f'e'|rb'f'|BR'g'|Rf'h'|fR'i'|u'j'|U'k'|");
}

Test(lexer, invalid_prefix_combinations_are_names)
{
    cr_expect_str_eq(kinds("ur'x' bf'x'"),
                     "NAME STRING NAME STRING NEWLINE ENDMARKER");
}

Test(lexer, triple_quoted_strings_span_lines)
{
    Lexer lx;
    const char *src = "x = '''a\nb''' + \"\"\"\"\"\"\n";
    lex_init(&lx, src, strlen(src), "t.py");
    LexToken t;
    lex_next(&lx, &t);
    lex_next(&lx, &t);
    lex_next(&lx, &t);
    cr_expect_eq(t.kind, LEX_STRING);
    cr_expect_eq(t.lineno, 1);
    cr_expect_eq(t.col, 4);
    cr_expect_eq(t.end_lineno, 2);
    cr_expect_eq(t.end_col, 4);
    lex_next(&lx, &t);
    lex_next(&lx, &t);
    cr_expect_eq(t.kind, LEX_STRING);
    cr_expect_eq(t.len, 6);
    lex_free(&lx);
}

Test(lexer, escaped_quotes_do_not_end_strings)
{
    cr_expect_str_eq(texts("'a\\'b' \"c\\\"d\" r'\\''\n"), "'a\\'b'|\"c\\\"d\"|r'\\''|");
}

Test(lexer, escaped_newline_continues_a_string)
{
    cr_expect_str_eq(kinds("'a\\\nb'\n"), "STRING NEWLINE ENDMARKER");
}

Test(lexer, unterminated_string)
{
    cr_expect_str_eq(lex_error("x = \"abc\ny = 2\n"),
                     "SyntaxError: unterminated string literal (detected at line 1) "
                     "@1:5 (hard)");
}

Test(lexer, unterminated_string_is_reported_at_its_prefix)
{
    cr_expect_str_eq(lex_error("x = f'abc\n"),
                     "SyntaxError: unterminated string literal (detected at line 1) "
                     "@1:5 (hard)");
}

Test(lexer, unterminated_triple_quoted_string)
{
    cr_expect_str_eq(lex_error("x = 1\ny = '''abc\n\n\n"),
                     "SyntaxError: unterminated triple-quoted string literal (detected "
                     "at line 4) @2:5 (hard)");
}

/* ------------------------------------------------------------------ */
/* Brackets and continuation lines                                     */
/* ------------------------------------------------------------------ */

Test(lexer, unmatched_closing_bracket)
{
    cr_expect_str_eq(lex_error("x = )\n"), "SyntaxError: unmatched ')' @1:5 (hard)");
}

Test(lexer, mismatched_brackets_on_one_line)
{
    cr_expect_str_eq(lex_error("x = (]\n"),
                     "SyntaxError: closing parenthesis ']' does not match opening "
                     "parenthesis '(' @1:6 (hard)");
}

Test(lexer, mismatched_brackets_on_two_lines)
{
    cr_expect_str_eq(lex_error("x = {\n)\n"),
                     "SyntaxError: closing parenthesis ')' does not match opening "
                     "parenthesis '{' on line 1 @2:1 (hard)");
}

Test(lexer, bracket_never_closed_is_soft)
{
    /* The parser may still find an earlier error. */
    cr_expect_str_eq(lex_error("x = [1,\n (2,\n"),
                     "SyntaxError: '(' was never closed @2:2");
}

Test(lexer, too_many_nested_parentheses)
{
    char src[300] = "x = ";
    memset(src + 4, '(', 201);
    src[205] = '\0';
    cr_expect_str_eq(lex_error(src),
                     "SyntaxError: too many nested parentheses @1:205 (hard)");
}

Test(lexer, character_after_line_continuation)
{
    cr_expect_str_eq(lex_error("x = 1 \\ y\n"),
                     "SyntaxError: unexpected character after line continuation "
                     "character @1:8");
}

Test(lexer, backslash_at_end_of_file)
{
    cr_expect_str_eq(lex_error("x = 1 +\\\n"),
                     "SyntaxError: unexpected EOF while parsing @1:9");
}

/* ------------------------------------------------------------------ */
/* Characters and encoding                                             */
/* ------------------------------------------------------------------ */

Test(lexer, invalid_character_is_named)
{
    cr_expect_str_eq(lex_error("x = 5 \xc3\x97 3\n"),
                     "SyntaxError: invalid character '\xc3\x97' (U+00D7) @1:7 (hard)");
}

Test(lexer, invalid_character_inside_a_name)
{
    cr_expect_str_eq(lex_error("x\xe2\x82\xac = 1\n"),
                     "SyntaxError: invalid character '\xe2\x82\xac' (U+20AC) @1:2 (hard)");
}

Test(lexer, invalid_non_printable_character)
{
    cr_expect_str_eq(lex_error("x = \x01\n"),
                     "SyntaxError: invalid non-printable character U+0001 @1:5 (hard)");
}

Test(lexer, non_ascii_identifiers_are_outside_the_subset)
{
    cr_expect_str_eq(lex_error("\xc3\xa9t\xc3\xa9 = 1\n"),
                     "SyntaxError: non-ASCII identifiers are not supported by sigvm "
                     "@1:3 (hard)");
}

Test(lexer, non_ascii_text_in_strings_and_comments_is_fine)
{
    cr_expect_str_eq(kinds("x = '\xe2\x98\x83'  # \xc3\xa9\n"),
                     "NAME '=' STRING NEWLINE ENDMARKER");
}

Test(lexer, null_byte_in_source)
{
    SyntaxErrorInfo err = { 0 };
    const char src[] = "x = 1\ny = 2\0\n";
    cr_assert_eq(lex_check_encoding(src, sizeof src - 1, "t.py", &err), -1);
    cr_expect_str_eq(err.msg, "source code cannot contain null bytes");
    cr_expect_eq(err.lineno, 2);
    cr_expect_str_eq(err.text, "y = 2");
    ast_error_clear(&err);
}

Test(lexer, invalid_utf8_in_source)
{
    SyntaxErrorInfo err = { 0 };
    const char src[] = "x = 1\ny = '\xff'\n";
    cr_assert_eq(lex_check_encoding(src, sizeof src - 1, "t.py", &err), -1);
    cr_expect_str_eq(err.msg, "Non-UTF-8 code starting with '\\xff' in file t.py on "
                              "line 2, but no encoding declared; see "
                              "https://peps.python.org/pep-0263/ for details");
    cr_expect_eq(err.lineno, 0);
    ast_error_clear(&err);
}

Test(lexer, surrogates_and_overlong_forms_are_invalid_utf8)
{
    SyntaxErrorInfo err = { 0 };
    cr_expect_eq(lex_check_encoding("'\xed\xa0\x80'", 5, "t.py", &err), -1);
    ast_error_clear(&err);
    cr_expect_eq(lex_check_encoding("'\xc0\x80'", 4, "t.py", &err), -1);
    ast_error_clear(&err);
    cr_expect_eq(lex_check_encoding("'\xf0\x9f\x98\x80'", 6, "t.py", &err), 0);
}

/* ------------------------------------------------------------------ */
/* Positions                                                           */
/* ------------------------------------------------------------------ */

Test(lexer, token_positions)
{
    Lexer lx;
    const char *src = "if x:\n    yy = 1\n";
    lex_init(&lx, src, strlen(src), "t.py");
    LexToken t;
    int expected[][5] = {
        { LEX_IF, 1, 0, 1, 2 }, { LEX_NAME, 1, 3, 1, 4 },
        { LEX_COLON, 1, 4, 1, 5 }, { LEX_NEWLINE, 1, 5, 1, 5 },
        { LEX_INDENT, 2, 4, 2, 4 }, { LEX_NAME, 2, 4, 2, 6 },
        { LEX_EQUAL, 2, 7, 2, 8 }, { LEX_NUMBER, 2, 9, 2, 10 },
        { LEX_NEWLINE, 2, 10, 2, 10 }, { LEX_DEDENT, 2, 0, 2, 0 },
        { LEX_ENDMARKER, 2, 0, 2, 0 },
    };
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) {
        lex_next(&lx, &t);
        cr_expect_eq((int)t.kind, expected[i][0], "token %zu", i);
        cr_expect_eq(t.lineno, expected[i][1], "token %zu", i);
        cr_expect_eq(t.col, expected[i][2], "token %zu", i);
        cr_expect_eq(t.end_lineno, expected[i][3], "token %zu", i);
        cr_expect_eq(t.end_col, expected[i][4], "token %zu", i);
    }
    lex_free(&lx);
}

Test(lexer, bracket_level_is_recorded_after_each_token)
{
    Lexer lx;
    const char *src = "f([x])";
    lex_init(&lx, src, strlen(src), "t.py");
    LexToken t;
    int levels[] = { 0, 1, 2, 2, 1, 0 };
    for (size_t i = 0; i < 6; i++) {
        lex_next(&lx, &t);
        cr_expect_eq(t.level, levels[i], "token %zu", i);
    }
    lex_free(&lx);
}

Test(lexer, lexing_stops_after_the_end)
{
    Lexer lx;
    lex_init(&lx, "x", 1, "t.py");
    LexToken t;
    while (lex_next(&lx, &t) != LEX_ENDMARKER)
        ;
    cr_expect_eq(lex_next(&lx, &t), LEX_ENDMARKER);
    cr_expect_eq(lex_next(&lx, &t), LEX_ENDMARKER);
    lex_free(&lx);
}

Test(lexer, line_text_lookup)
{
    Lexer lx;
    const char *src = "a\r\nbb\n\nccc";
    lex_init(&lx, src, strlen(src), "t.py");
    size_t len = 0;
    const char *line = lex_line(&lx, 2, &len);
    cr_assert_not_null(line);
    cr_expect_eq(len, 2);
    cr_expect_eq(strncmp(line, "bb", 2), 0);
    cr_expect_not_null(lex_line(&lx, 4, &len));
    cr_expect_eq(len, 3);
    cr_expect_null(lex_line(&lx, 5, &len));
    lex_free(&lx);
}
