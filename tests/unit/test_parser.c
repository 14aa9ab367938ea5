/*
 * test_parser.c - the parser: tree shapes (compared with what CPython
 * 3.11's ast.dump() prints for the same source), the syntax errors
 * CPython 3.11 reports (message, line and caret offset), sigvm's own
 * errors for constructs outside its subset, the REPL's incomplete-input
 * test, and robustness against deep nesting.
 *
 * The expected strings of the parser_ast and parser_errors suites were
 * produced by CPython 3.11 (ast.dump(ast.parse(src)) and compile()).
 */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/parser.h"

static void expect_ast(const char *src, const char *want)
{
    AstArena arena;
    ast_arena_init(&arena);
    SyntaxErrorInfo err;
    AstNode *m = parse_module(&arena, src, strlen(src), "t.py", &err);
    if (!m) {
        cr_expect_fail("unexpected %s: %s (line %d) in: %s",
                       ast_error_kind_name(err.kind), err.msg, err.lineno, src);
        ast_error_clear(&err);
    } else {
        char *got = ast_dump_string(m);
        cr_expect_str_eq(got, want, "source: %s", src);
        free(got);
    }
    ast_arena_free(&arena);
}

/* The error for `src` (len bytes) must be `want` ("Kind: message") on
 * line `lineno`, with the caret at `offset` unless that is -1. */
static void expect_error_len(const char *src, size_t len, const char *want,
                             int lineno, int offset)
{
    AstArena arena;
    ast_arena_init(&arena);
    SyntaxErrorInfo err;
    AstNode *m = parse_module(&arena, src, len, "t.py", &err);
    cr_expect_null(m, "no error for: %s", src);
    if (!m) {
        char got[400];
        snprintf(got, sizeof got, "%s: %s", ast_error_kind_name(err.kind), err.msg);
        cr_expect_str_eq(got, want, "source: %s", src);
        cr_expect_eq(err.lineno, lineno, "line of %s in: %s", want, src);
        if (offset >= 0)
            cr_expect_eq(err.offset, offset, "offset of %s in: %s", want, src);
        ast_error_clear(&err);
    }
    ast_arena_free(&arena);
}

static void expect_error(const char *src, const char *want, int lineno, int offset)
{
    expect_error_len(src, strlen(src), want, lineno, offset);
}

/* Parse one statement as the REPL does. */
static ParseStatus interactive(const char *src, char *dump, size_t size)
{
    AstArena arena;
    ast_arena_init(&arena);
    SyntaxErrorInfo err;
    AstNode *m = NULL;
    ParseStatus st = parse_interactive(&arena, src, strlen(src), "<stdin>", &m, &err);
    dump[0] = '\0';
    if (st == PARSE_OK) {
        char *d = ast_dump_string(m);
        snprintf(dump, size, "%s", d);
        free(d);
    } else if (st == PARSE_ERROR) {
        snprintf(dump, size, "%s: %s", ast_error_kind_name(err.kind), err.msg);
        ast_error_clear(&err);
    } else
        cr_expect_eq(err.kind, SYNTAX_ERR_NONE, "incomplete input leaves no error");
    ast_arena_free(&arena);
    return st;
}

/* Parse `src` and hand back the first statement's node (arena owned by
 * the caller). */
static AstNode *first_stmt(AstArena *arena, const char *src)
{
    SyntaxErrorInfo err;
    AstNode *m = parse_module(arena, src, strlen(src), "t.py", &err);
    cr_assert_not_null(m, "parse failed: %s", m ? "" : err.msg);
    cr_assert_gt(m->v.module.body.count, 0);
    return m->v.module.body.items[0];
}

static char *repeat(const char *s, int n, const char *prefix, const char *suffix)
{
    size_t len = strlen(s), pl = strlen(prefix), sl = strlen(suffix);
    char *buf = malloc(pl + len * (size_t)n + sl + 1);
    memcpy(buf, prefix, pl);
    for (int i = 0; i < n; i++)
        memcpy(buf + pl + len * (size_t)i, s, len);
    memcpy(buf + pl + len * (size_t)n, suffix, sl + 1);
    return buf;
}

/* ------------------------------------------------------------------ */
/* Outside the subset                                                  */
/* ------------------------------------------------------------------ */

Test(parser_unsupported, walrus)
{
    expect_error("if (n := 10) > 5:\n    pass\n",
                 "SyntaxError: assignment expressions (':=') are not supported by sigvm",
                 1, 7);
}

Test(parser_unsupported, async_def)
{
    expect_error("async def f():\n    pass\n",
                 "SyntaxError: 'async' is not supported by sigvm", 1, 1);
}

Test(parser_unsupported, await)
{
    expect_error("def f():\n    await x\n",
                 "SyntaxError: 'await' is not supported by sigvm", 2, 5);
}

Test(parser_unsupported, match_statement)
{
    expect_error("match x:\n    case 1:\n        pass\n",
                 "SyntaxError: match statements are not supported by sigvm", 1, 1);
}

Test(parser_unsupported, imaginary_literal)
{
    expect_error("x = 1 + 2j\n",
                 "SyntaxError: imaginary numbers are not supported by sigvm", 1, 9);
}

Test(parser_unsupported, positional_only_parameters)
{
    expect_error("def f(a, /, b):\n    pass\n",
                 "SyntaxError: positional-only parameters are not supported by sigvm",
                 1, 10);
}

Test(parser_unsupported, named_unicode_escape)
{
    expect_error("x = '\\N{BULLET}'\n",
                 "SyntaxError: (unicode error) \\N{...} escapes are not supported by sigvm",
                 1, -1);
}

Test(parser_unsupported, except_star)
{
    expect_error("try:\n    pass\nexcept* E:\n    pass\n",
                 "SyntaxError: 'except*' is not supported by sigvm", 3, 7);
}

/* ------------------------------------------------------------------ */
/* Source-level errors                                                 */
/* ------------------------------------------------------------------ */

Test(parser_source, null_byte)
{
    expect_error_len("x = 1\ny = 2\0\n", 12,
                     "SyntaxError: source code cannot contain null bytes", 2, 0);
}

Test(parser_source, invalid_utf8_as_cpython_reports_for_a_file)
{
    expect_error("x = 1\ny = 'caf\xe9'\n",
                 "SyntaxError: Non-UTF-8 code starting with '\\xe9' in file t.py on "
                 "line 2, but no encoding declared; see "
                 "https://peps.python.org/pep-0263/ for details", 0, 0);
}

Test(parser_source, byte_order_mark)
{
    expect_ast("\xef\xbb\xbfx = 1\n",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
               "value=Constant(value=1))], type_ignores=[])");
}

Test(parser_source, error_text_and_print_format)
{
    /* What CPython prints for this file, caret line included. */
    const char *src = "def f():\n    x = (1 +\n      2 3)\n";
    AstArena arena;
    ast_arena_init(&arena);
    SyntaxErrorInfo err;
    cr_assert_null(parse_module(&arena, src, strlen(src), "t.py", &err));
    cr_expect_str_eq(err.text, "    x = (1 +");
    char *out = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&out, &size);
    ast_error_print(f, &err);
    fclose(f);
    cr_expect_str_eq(out, "  File \"t.py\", line 2\n"
                          "    x = (1 +\n"
                          "         ^^^\n"
                          "SyntaxError: invalid syntax. Perhaps you forgot a comma?\n");
    free(out);
    ast_error_clear(&err);
    ast_arena_free(&arena);
}

Test(parser_source, print_format_counts_characters)
{
    const char *src = "x = \"\xc3\xa9\xc3\xa9\" + (1 2)\n";
    AstArena arena;
    ast_arena_init(&arena);
    SyntaxErrorInfo err;
    cr_assert_null(parse_module(&arena, src, strlen(src), "t.py", &err));
    char *out = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&out, &size);
    ast_error_print(f, &err);
    fclose(f);
    cr_expect_str_eq(out, "  File \"t.py\", line 1\n"
                          "    x = \"\xc3\xa9\xc3\xa9\" + (1 2)\n"
                          "                  ^^^\n"
                          "SyntaxError: invalid syntax. Perhaps you forgot a comma?\n");
    free(out);
    ast_error_clear(&err);
    ast_arena_free(&arena);
}

Test(parser_source, print_format_without_caret_in_indentation)
{
    const char *src = "x = 1\n    y = 2\n";
    AstArena arena;
    ast_arena_init(&arena);
    SyntaxErrorInfo err;
    cr_assert_null(parse_module(&arena, src, strlen(src), "t.py", &err));
    char *out = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&out, &size);
    ast_error_print(f, &err);
    fclose(f);
    cr_expect_str_eq(out, "  File \"t.py\", line 2\n"
                          "    y = 2\n"
                          "IndentationError: unexpected indent\n");
    free(out);
    ast_error_clear(&err);
    ast_arena_free(&arena);
}

Test(parser_source, end_of_input_caret_for_command_strings)
{
    /* python3 -c 'if x:' shows a caret after the line; a file does not. */
    AstArena arena;
    ast_arena_init(&arena);
    SyntaxErrorInfo err;
    cr_assert_null(parse_module(&arena, "if x:", 5, "<string>", &err));
    cr_expect_eq(err.offset, 6);
    ast_error_clear(&err);
    cr_assert_null(parse_module(&arena, "if x:", 5, "t.py", &err));
    cr_expect_eq(err.offset, 0);
    ast_error_clear(&err);
    ast_arena_free(&arena);
}

/* ------------------------------------------------------------------ */
/* Deep nesting never overflows the C stack                           */
/* ------------------------------------------------------------------ */

Test(parser_nesting, ten_thousand_open_parentheses)
{
    char *src = repeat("(", 10000, "x = ", "1");
    expect_error(src, "SyntaxError: too many nested parentheses", 1, 205);
    free(src);
}

Test(parser_nesting, ten_thousand_unary_minuses)
{
    char *src = repeat("-", 10000, "x = ", "1");
    expect_error(src, "SyntaxError: too many levels of nesting", 1, -1);
    free(src);
}

Test(parser_nesting, ten_thousand_nots)
{
    char *src = repeat("not ", 10000, "x = ", "1");
    expect_error(src, "SyntaxError: too many levels of nesting", 1, -1);
    free(src);
}

Test(parser_nesting, ten_thousand_lambdas)
{
    char *src = repeat("lambda: ", 10000, "x = ", "1");
    expect_error(src, "SyntaxError: too many levels of nesting", 1, -1);
    free(src);
}

Test(parser_nesting, ten_thousand_additions)
{
    char *src = repeat("1+", 10000, "x = ", "1");
    expect_error(src, "SyntaxError: too many levels of nesting", 1, -1);
    free(src);
}

Test(parser_nesting, ten_thousand_attributes)
{
    char *src = repeat("a.", 10000, "x = ", "b");
    expect_error(src, "SyntaxError: too many levels of nesting", 1, -1);
    free(src);
}

Test(parser_nesting, ten_thousand_elifs)
{
    char *src = repeat("elif x:\n  pass\n", 10000, "if x:\n  pass\n", "");
    expect_error(src, "SyntaxError: too many levels of nesting", 6003, 1);
    free(src);
}

Test(parser_nesting, what_cpython_accepts_is_accepted)
{
    AstArena arena;
    ast_arena_init(&arena);
    SyntaxErrorInfo err;
    const char *parts[][2] = {
        { "[", "]" }, { "(-", ")" }, { "{1: ", "}" }, { "f(", ")" },
    };
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        char *open = repeat(parts[i][0], 190, "x = ", "1");
        char *src = repeat(parts[i][1], 190, open, "\n");
        cr_expect_not_null(parse_module(&arena, src, strlen(src), "t.py", &err),
                           "190 levels of %s", parts[i][0]);
        free(open);
        free(src);
    }
    char *minus = repeat("-", 400, "x = ", "1\n");
    cr_expect_not_null(parse_module(&arena, minus, strlen(minus), "t.py", &err));
    free(minus);
    char *sum = repeat("1 + ", 2500, "x = ", "1\n");
    cr_expect_not_null(parse_module(&arena, sum, strlen(sum), "t.py", &err));
    free(sum);
    ast_arena_free(&arena);
}

/* ------------------------------------------------------------------ */
/* Interactive statements                                              */
/* ------------------------------------------------------------------ */

Test(parser_interactive, simple_statement)
{
    char d[512];
    cr_expect_eq(interactive("x = 1\n", d, sizeof d), PARSE_OK);
    cr_expect_str_eq(d, "Interactive(body=[Assign(targets=[Name(id='x', "
                        "ctx=Store())], value=Constant(value=1))])");
}

Test(parser_interactive, empty_and_comment_lines)
{
    char d[512];
    cr_expect_eq(interactive("", d, sizeof d), PARSE_OK);
    cr_expect_str_eq(d, "Interactive(body=[])");
    cr_expect_eq(interactive("\n", d, sizeof d), PARSE_OK);
    cr_expect_eq(interactive("# just a comment\n", d, sizeof d), PARSE_OK);
}

Test(parser_interactive, open_bracket_is_incomplete)
{
    char d[512];
    cr_expect_eq(interactive("x = (1,\n", d, sizeof d), PARSE_INCOMPLETE);
    cr_expect_eq(interactive("x = (1,\n\n", d, sizeof d), PARSE_INCOMPLETE);
    cr_expect_eq(interactive("x = (1,\n2)\n", d, sizeof d), PARSE_OK);
}

Test(parser_interactive, error_before_open_bracket_is_reported)
{
    char d[512];
    cr_expect_eq(interactive("x = 1 2 (\n", d, sizeof d), PARSE_ERROR);
    cr_expect_str_eq(d, "SyntaxError: invalid syntax");
    cr_expect_eq(interactive("x = (1 2\n", d, sizeof d), PARSE_ERROR);
    cr_expect_str_eq(d, "SyntaxError: invalid syntax. Perhaps you forgot a comma?");
}

Test(parser_interactive, open_triple_quoted_string_is_incomplete)
{
    char d[512];
    cr_expect_eq(interactive("s = '''abc\n", d, sizeof d), PARSE_INCOMPLETE);
    cr_expect_eq(interactive("s = '''abc\ndef'''\n", d, sizeof d), PARSE_OK);
}

Test(parser_interactive, unterminated_single_quoted_string_is_an_error)
{
    char d[512];
    cr_expect_eq(interactive("s = 'abc\n", d, sizeof d), PARSE_ERROR);
    cr_expect_str_eq(d, "SyntaxError: unterminated string literal (detected at line 1)");
}

Test(parser_interactive, backslash_continuation_is_incomplete)
{
    char d[512];
    cr_expect_eq(interactive("x = 1 + \\\n", d, sizeof d), PARSE_INCOMPLETE);
}

Test(parser_interactive, compound_statement_waits_for_empty_line)
{
    char d[512];
    cr_expect_eq(interactive("if x:\n", d, sizeof d), PARSE_INCOMPLETE);
    cr_expect_eq(interactive("if x:\n    pass\n", d, sizeof d), PARSE_INCOMPLETE);
    cr_expect_eq(interactive("if x:\n    pass\nelse:\n", d, sizeof d), PARSE_INCOMPLETE);
    cr_expect_eq(interactive("if x:\n    pass\n\n", d, sizeof d), PARSE_OK);
    cr_expect_eq(interactive("@dec\n", d, sizeof d), PARSE_INCOMPLETE);
    cr_expect_eq(interactive("class A:\n  def f(self):\n    pass\n\n", d, sizeof d),
                 PARSE_OK);
}

Test(parser_interactive, empty_line_ends_an_unfinished_block_with_an_error)
{
    char d[512];
    cr_expect_eq(interactive("try:\n    pass\n\n", d, sizeof d), PARSE_ERROR);
    cr_expect_str_eq(d, "SyntaxError: expected 'except' or 'finally' block");
    cr_expect_eq(interactive("if x:\n\n", d, sizeof d), PARSE_ERROR);
    cr_expect_str_eq(d, "IndentationError: expected an indented block after 'if' "
                        "statement on line 1");
}

Test(parser_interactive, errors_are_reported_at_once)
{
    char d[512];
    cr_expect_eq(interactive("x = 1 +\n", d, sizeof d), PARSE_ERROR);
    cr_expect_str_eq(d, "SyntaxError: invalid syntax");
    cr_expect_eq(interactive("if x\n", d, sizeof d), PARSE_ERROR);
    cr_expect_str_eq(d, "SyntaxError: expected ':'");
    cr_expect_eq(interactive("f'{a +}'\n", d, sizeof d), PARSE_ERROR);
    cr_expect_str_eq(d, "SyntaxError: f-string: invalid syntax");
}

Test(parser_interactive, one_statement_only)
{
    char d[512];
    cr_expect_eq(interactive("x = 1\ny = 2\n", d, sizeof d), PARSE_ERROR);
    cr_expect_str_eq(d, "SyntaxError: multiple statements found while compiling a "
                        "single statement");
    cr_expect_eq(interactive("x = 1; y = 2\n", d, sizeof d), PARSE_OK);
}

Test(parser_interactive, compile_time_checks_apply)
{
    char d[512];
    cr_expect_eq(interactive("return 1\n", d, sizeof d), PARSE_ERROR);
    cr_expect_str_eq(d, "SyntaxError: 'return' outside function");
}

/* ------------------------------------------------------------------ */
/* Node fields the dump does not show                                  */
/* ------------------------------------------------------------------ */

Test(parser_fields, generator_flags)
{
    AstArena arena;
    ast_arena_init(&arena);
    AstNode *f = first_stmt(&arena, "def f():\n    def g():\n        yield\n    "
                                    "h = lambda: (yield)\n    return [x for x in y]\n");
    cr_expect_not(f->v.function_def.is_generator);
    AstNode *g = f->v.function_def.body.items[0];
    cr_expect(g->v.function_def.is_generator);
    AstNode *h = f->v.function_def.body.items[1]->v.assign.value;
    cr_expect_eq(h->kind, AST_LAMBDA);
    cr_expect(h->v.lambda.is_generator);
    AstNode *gen = first_stmt(&arena, "def gen():\n    x = 1\n    yield from x\n");
    cr_expect(gen->v.function_def.is_generator);
    ast_arena_free(&arena);
}

Test(parser_fields, integer_literals)
{
    AstArena arena;
    ast_arena_init(&arena);
    AstNode *t = first_stmt(&arena, "9223372036854775807, 9223372036854775808, "
                                    "0x1_0000_0000_0000_0000, 0o17, 0b11\n")->v.expr.value;
    AstNode **e = t->v.seq.elts.items;
    cr_expect_not(e[0]->v.constant.big);
    cr_expect_eq(e[0]->v.constant.i, INT64_MAX);
    cr_expect(e[1]->v.constant.big);
    cr_expect_eq(e[1]->v.constant.i, INT64_MIN, "2**63 is kept for -2**63");
    cr_expect(e[2]->v.constant.big);
    cr_expect_eq(e[2]->v.constant.i, 0);
    cr_expect_str_eq(e[2]->v.constant.s, "0x1_0000_0000_0000_0000");
    cr_expect_eq(e[3]->v.constant.i, 15);
    cr_expect_eq(e[4]->v.constant.i, 3);
    ast_arena_free(&arena);
}

Test(parser_fields, float_literals)
{
    AstArena arena;
    ast_arena_init(&arena);
    AstNode *t = first_stmt(&arena, "0.1, 1e400, 1_0.5e-1_0\n")->v.expr.value;
    AstNode **e = t->v.seq.elts.items;
    cr_expect_eq(e[0]->v.constant.kind, AST_CONST_FLOAT);
    cr_expect_eq(e[0]->v.constant.f, 0.1);
    cr_expect_gt(e[1]->v.constant.f, 1e308);
    cr_expect_eq(e[2]->v.constant.f, 10.5e-10);
    ast_arena_free(&arena);
}

Test(parser_fields, strings_are_decoded_utf8_with_length)
{
    AstArena arena;
    ast_arena_init(&arena);
    AstNode *t = first_stmt(&arena, "'a\\0b\\u00e9', b'\\x00\\xff', '\\ud800'\n")->v.expr.value;
    AstNode **e = t->v.seq.elts.items;
    cr_expect_eq(e[0]->v.constant.kind, AST_CONST_STR);
    cr_expect_eq(e[0]->v.constant.len, 5);
    cr_expect_eq(memcmp(e[0]->v.constant.s, "a\0b\xc3\xa9", 5), 0);
    cr_expect_eq(e[0]->v.constant.s[5], '\0');
    cr_expect_eq(e[1]->v.constant.kind, AST_CONST_BYTES);
    cr_expect_eq(e[1]->v.constant.len, 2);
    cr_expect_eq(memcmp(e[1]->v.constant.s, "\0\xff", 2), 0);
    cr_expect_eq(e[2]->v.constant.len, 3, "a lone surrogate is kept, 3 bytes");
    ast_arena_free(&arena);
}

Test(parser_fields, positions)
{
    AstArena arena;
    ast_arena_init(&arena);
    AstNode *s = first_stmt(&arena, "if x:\n    y = f(a,\n          b)\nelse:\n    pass\n");
    cr_expect_eq(s->lineno, 1);
    cr_expect_eq(s->col_offset, 0);
    cr_expect_eq(s->end_lineno, 5);
    cr_expect_eq(s->end_col_offset, 8);
    AstNode *call = s->v.if_.body.items[0]->v.assign.value;
    cr_expect_eq(call->lineno, 2);
    cr_expect_eq(call->col_offset, 8);
    cr_expect_eq(call->end_lineno, 3);
    cr_expect_eq(call->end_col_offset, 12);
    AstNode *d = first_stmt(&arena, "@dec\ndef f(): pass\n");
    cr_expect_eq(d->lineno, 2, "a decorated def starts at 'def'");
    AstNode *n = first_stmt(&arena, "x = '\xc3\xa9' + y\n")->v.assign.value->v.bin_op.right;
    cr_expect_eq(n->col_offset, 11, "columns count bytes, as CPython's");
    ast_arena_free(&arena);
}

Test(parser_fields, import_star_flag)
{
    AstArena arena;
    ast_arena_init(&arena);
    AstNode *s = first_stmt(&arena, "from m import *\n");
    cr_expect(s->v.import_from.star);
    cr_expect_str_eq(s->v.import_from.names.items[0]->v.alias.name, "*");
    s = first_stmt(&arena, "from . import m\n");
    cr_expect_not(s->v.import_from.star);
    cr_expect_null(s->v.import_from.module);
    cr_expect_eq(s->v.import_from.level, 1);
    ast_arena_free(&arena);
}

Test(parser_fields, annotation_simple_flag)
{
    AstArena arena;
    ast_arena_init(&arena);
    cr_expect(first_stmt(&arena, "x: int\n")->v.ann_assign.simple);
    cr_expect_not(first_stmt(&arena, "(x): int\n")->v.ann_assign.simple);
    cr_expect_not(first_stmt(&arena, "x.y: int\n")->v.ann_assign.simple);
    ast_arena_free(&arena);
}

Test(parser_fields, kind_names)
{
    cr_expect_str_eq(ast_kind_name(AST_FUNCTION_DEF), "FunctionDef");
    cr_expect_str_eq(ast_kind_name(AST_EXCEPT_HANDLER), "ExceptHandler");
    cr_expect_str_eq(ast_kind_name(AST_COMPREHENSION), "comprehension");
    cr_expect_str_eq(ast_operator_symbol(AST_OP_FLOORDIV), "//");
    cr_expect_str_eq(ast_cmpop_name(AST_CMP_NOT_IN), "NotIn");
}

Test(parser_fields, arena_reuse_and_reentrancy)
{
    /* Two parses interleaved in one arena do not disturb each other. */
    AstArena arena;
    ast_arena_init(&arena);
    SyntaxErrorInfo e1, e2;
    AstNode *a = parse_module(&arena, "a = 1\n", 6, "a.py", &e1);
    AstNode *b = parse_module(&arena, "b(", 2, "b.py", &e2);
    cr_expect_not_null(a);
    cr_expect_null(b);
    cr_expect_str_eq(e2.filename, "b.py");
    cr_expect_str_eq(a->v.module.body.items[0]->v.assign.targets.items[0]->v.name.id, "a");
    ast_error_clear(&e2);
    ast_arena_free(&arena);
}

/* ------------------------------------------------------------------ */
/* Generated from CPython 3.11                                         */
/* ------------------------------------------------------------------ */

Test(parser_ast, power_binds_tighter_than_unary_minus)
{
    expect_ast("-2**2",
               "Module(body=[Expr(value=UnaryOp(op=USub(), operand=BinOp(left"
               "=Constant(value=2), op=Pow(), right=Constant(value=2))))], ty"
               "pe_ignores=[])");
}

Test(parser_ast, power_is_right_associative)
{
    expect_ast("a ** b ** c",
               "Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), "
               "op=Pow(), right=BinOp(left=Name(id='b', ctx=Load()), op=Pow()"
               ", right=Name(id='c', ctx=Load()))))], type_ignores=[])");
}

Test(parser_ast, power_takes_unary_exponent)
{
    expect_ast("2 ** -1",
               "Module(body=[Expr(value=BinOp(left=Constant(value=2), op=Pow("
               "), right=UnaryOp(op=USub(), operand=Constant(value=1))))], ty"
               "pe_ignores=[])");
}

Test(parser_ast, unary_minus_applies_to_power_of_primary)
{
    expect_ast("-a.b**c[0]",
               "Module(body=[Expr(value=UnaryOp(op=USub(), operand=BinOp(left"
               "=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load"
               "()), op=Pow(), right=Subscript(value=Name(id='c', ctx=Load())"
               ", slice=Constant(value=0), ctx=Load()))))], type_ignores=[])");
}

Test(parser_ast, arithmetic_precedence)
{
    expect_ast("a + b * c - d / e // f % g @ h",
               "Module(body=[Expr(value=BinOp(left=BinOp(left=Name(id='a', ct"
               "x=Load()), op=Add(), right=BinOp(left=Name(id='b', ctx=Load()"
               "), op=Mult(), right=Name(id='c', ctx=Load()))), op=Sub(), rig"
               "ht=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Name(id='d', c"
               "tx=Load()), op=Div(), right=Name(id='e', ctx=Load())), op=Flo"
               "orDiv(), right=Name(id='f', ctx=Load())), op=Mod(), right=Nam"
               "e(id='g', ctx=Load())), op=MatMult(), right=Name(id='h', ctx="
               "Load()))))], type_ignores=[])");
}

Test(parser_ast, left_associative_subtraction)
{
    expect_ast("a - b - c",
               "Module(body=[Expr(value=BinOp(left=BinOp(left=Name(id='a', ct"
               "x=Load()), op=Sub(), right=Name(id='b', ctx=Load())), op=Sub("
               "), right=Name(id='c', ctx=Load())))], type_ignores=[])");
}

Test(parser_ast, shifts_below_arithmetic)
{
    expect_ast("a << b + c >> d",
               "Module(body=[Expr(value=BinOp(left=BinOp(left=Name(id='a', ct"
               "x=Load()), op=LShift(), right=BinOp(left=Name(id='b', ctx=Loa"
               "d()), op=Add(), right=Name(id='c', ctx=Load()))), op=RShift()"
               ", right=Name(id='d', ctx=Load())))], type_ignores=[])");
}

Test(parser_ast, bitwise_precedence)
{
    expect_ast("a | b ^ c & d",
               "Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), "
               "op=BitOr(), right=BinOp(left=Name(id='b', ctx=Load()), op=Bit"
               "Xor(), right=BinOp(left=Name(id='c', ctx=Load()), op=BitAnd()"
               ", right=Name(id='d', ctx=Load())))))], type_ignores=[])");
}

Test(parser_ast, comparison_chain_is_one_compare)
{
    expect_ast("a < b <= c == d != e > f >= g",
               "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load())"
               ", ops=[Lt(), LtE(), Eq(), NotEq(), Gt(), GtE()], comparators="
               "[Name(id='b', ctx=Load()), Name(id='c', ctx=Load()), Name(id="
               "'d', ctx=Load()), Name(id='e', ctx=Load()), Name(id='f', ctx="
               "Load()), Name(id='g', ctx=Load())]))], type_ignores=[])");
}

Test(parser_ast, membership_and_identity_operators)
{
    expect_ast("a in b not in c is d is not e",
               "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load())"
               ", ops=[In(), NotIn(), Is(), IsNot()], comparators=[Name(id='b"
               "', ctx=Load()), Name(id='c', ctx=Load()), Name(id='d', ctx=Lo"
               "ad()), Name(id='e', ctx=Load())]))], type_ignores=[])");
}

Test(parser_ast, not_binds_looser_than_comparison)
{
    expect_ast("not a == b",
               "Module(body=[Expr(value=UnaryOp(op=Not(), operand=Compare(lef"
               "t=Name(id='a', ctx=Load()), ops=[Eq()], comparators=[Name(id="
               "'b', ctx=Load())])))], type_ignores=[])");
}

Test(parser_ast, and_binds_tighter_than_or)
{
    expect_ast("a or b and c or d",
               "Module(body=[Expr(value=BoolOp(op=Or(), values=[Name(id='a', "
               "ctx=Load()), BoolOp(op=And(), values=[Name(id='b', ctx=Load()"
               "), Name(id='c', ctx=Load())]), Name(id='d', ctx=Load())]))], "
               "type_ignores=[])");
}

Test(parser_ast, boolean_operands_are_flattened)
{
    expect_ast("a and b and c",
               "Module(body=[Expr(value=BoolOp(op=And(), values=[Name(id='a',"
               " ctx=Load()), Name(id='b', ctx=Load()), Name(id='c', ctx=Load"
               "())]))], type_ignores=[])");
}

Test(parser_ast, conditional_expression_is_right_nested)
{
    expect_ast("a if b else c if d else e",
               "Module(body=[Expr(value=IfExp(test=Name(id='b', ctx=Load()), "
               "body=Name(id='a', ctx=Load()), orelse=IfExp(test=Name(id='d',"
               " ctx=Load()), body=Name(id='c', ctx=Load()), orelse=Name(id='"
               "e', ctx=Load()))))], type_ignores=[])");
}

Test(parser_ast, conditional_binds_looser_than_or)
{
    expect_ast("a or b if c or d else e or f",
               "Module(body=[Expr(value=IfExp(test=BoolOp(op=Or(), values=[Na"
               "me(id='c', ctx=Load()), Name(id='d', ctx=Load())]), body=Bool"
               "Op(op=Or(), values=[Name(id='a', ctx=Load()), Name(id='b', ct"
               "x=Load())]), orelse=BoolOp(op=Or(), values=[Name(id='e', ctx="
               "Load()), Name(id='f', ctx=Load())])))], type_ignores=[])");
}

Test(parser_ast, lambda_with_conditional_body)
{
    expect_ast("lambda x: x if x else -x",
               "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[],"
               " args=[arg(arg='x')], kwonlyargs=[], kw_defaults=[], defaults"
               "=[]), body=IfExp(test=Name(id='x', ctx=Load()), body=Name(id="
               "'x', ctx=Load()), orelse=UnaryOp(op=USub(), operand=Name(id='"
               "x', ctx=Load())))))], type_ignores=[])");
}

Test(parser_ast, lambda_full_parameter_list)
{
    expect_ast("lambda a, b=1, *c, d, e=2, **f: a",
               "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[],"
               " args=[arg(arg='a'), arg(arg='b')], vararg=arg(arg='c'), kwon"
               "lyargs=[arg(arg='d'), arg(arg='e')], kw_defaults=[None, Const"
               "ant(value=2)], kwarg=arg(arg='f'), defaults=[Constant(value=1"
               ")]), body=Name(id='a', ctx=Load())))], type_ignores=[])");
}

Test(parser_ast, lambda_keyword_only_after_bare_star)
{
    expect_ast("lambda *, k: k",
               "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[],"
               " args=[], kwonlyargs=[arg(arg='k')], kw_defaults=[None], defa"
               "ults=[]), body=Name(id='k', ctx=Load())))], type_ignores=[])");
}

Test(parser_ast, conditional_lambda)
{
    expect_ast("f = (lambda: 1) if x else lambda: 2",
               "Module(body=[Assign(targets=[Name(id='f', ctx=Store())], valu"
               "e=IfExp(test=Name(id='x', ctx=Load()), body=Lambda(args=argum"
               "ents(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], "
               "defaults=[]), body=Constant(value=1)), orelse=Lambda(args=arg"
               "uments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[]"
               ", defaults=[]), body=Constant(value=2))))], type_ignores=[])");
}

Test(parser_ast, primary_trailers_chain)
{
    expect_ast("a.b(c)[d](e).f",
               "Module(body=[Expr(value=Attribute(value=Call(func=Subscript(v"
               "alue=Call(func=Attribute(value=Name(id='a', ctx=Load()), attr"
               "='b', ctx=Load()), args=[Name(id='c', ctx=Load())], keywords="
               "[]), slice=Name(id='d', ctx=Load()), ctx=Load()), args=[Name("
               "id='e', ctx=Load())], keywords=[]), attr='f', ctx=Load()))], "
               "type_ignores=[])");
}

Test(parser_ast, invert_and_unary_plus)
{
    expect_ast("~a + +b",
               "Module(body=[Expr(value=BinOp(left=UnaryOp(op=Invert(), opera"
               "nd=Name(id='a', ctx=Load())), op=Add(), right=UnaryOp(op=UAdd"
               "(), operand=Name(id='b', ctx=Load()))))], type_ignores=[])");
}

Test(parser_ast, call_with_all_argument_kinds)
{
    expect_ast("f(a, *b, c=1, *d, **e, g=2)",
               "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), a"
               "rgs=[Name(id='a', ctx=Load()), Starred(value=Name(id='b', ctx"
               "=Load()), ctx=Load()), Starred(value=Name(id='d', ctx=Load())"
               ", ctx=Load())], keywords=[keyword(arg='c', value=Constant(val"
               "ue=1)), keyword(value=Name(id='e', ctx=Load())), keyword(arg="
               "'g', value=Constant(value=2))]))], type_ignores=[])");
}

Test(parser_ast, print_with_star_and_sep)
{
    expect_ast("print(*a, sep='')",
               "Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()"
               "), args=[Starred(value=Name(id='a', ctx=Load()), ctx=Load())]"
               ", keywords=[keyword(arg='sep', value=Constant(value=''))]))],"
               " type_ignores=[])");
}

Test(parser_ast, generator_as_sole_argument)
{
    expect_ast("f(x for x in y)",
               "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), a"
               "rgs=[GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[c"
               "omprehension(target=Name(id='x', ctx=Store()), iter=Name(id='"
               "y', ctx=Load()), ifs=[], is_async=0)])], keywords=[]))], type"
               "_ignores=[])");
}

Test(parser_ast, generator_in_parentheses_among_arguments)
{
    expect_ast("f(a, (x for x in y))",
               "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), a"
               "rgs=[Name(id='a', ctx=Load()), GeneratorExp(elt=Name(id='x', "
               "ctx=Load()), generators=[comprehension(target=Name(id='x', ct"
               "x=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0"
               ")])], keywords=[]))], type_ignores=[])");
}

Test(parser_ast, subscript_tuple_without_parentheses)
{
    expect_ast("d[1, 2]",
               "Module(body=[Expr(value=Subscript(value=Name(id='d', ctx=Load"
               "()), slice=Tuple(elts=[Constant(value=1), Constant(value=2)],"
               " ctx=Load()), ctx=Load()))], type_ignores=[])");
}

Test(parser_ast, subscript_slices)
{
    expect_ast("a[1:2, ::3, :, 4:]",
               "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load"
               "()), slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=C"
               "onstant(value=2)), Slice(step=Constant(value=3)), Slice(), Sl"
               "ice(lower=Constant(value=4))], ctx=Load()), ctx=Load()))], ty"
               "pe_ignores=[])");
}

Test(parser_ast, subscript_empty_slice)
{
    expect_ast("a[:]",
               "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load"
               "()), slice=Slice(), ctx=Load()))], type_ignores=[])");
}

Test(parser_ast, subscript_starred_index)
{
    expect_ast("a[*b]",
               "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load"
               "()), slice=Tuple(elts=[Starred(value=Name(id='b', ctx=Load())"
               ", ctx=Load())], ctx=Load()), ctx=Load()))], type_ignores=[])");
}

Test(parser_ast, ellipsis_index)
{
    expect_ast("a[...]",
               "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load"
               "()), slice=Constant(value=Ellipsis), ctx=Load()))], type_igno"
               "res=[])");
}

Test(parser_ast, tuple_without_parentheses)
{
    expect_ast("x = 1, 2,",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load"
               "()))], type_ignores=[])");
}

Test(parser_ast, empty_and_single_tuples)
{
    expect_ast("x = (), (1,), (1)",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=Tuple(elts=[Tuple(elts=[], ctx=Load()), Tuple(elts=[Constan"
               "t(value=1)], ctx=Load()), Constant(value=1)], ctx=Load()))], "
               "type_ignores=[])");
}

Test(parser_ast, starred_in_displays)
{
    expect_ast("x = [*a, *b], {*c}, (*d, e)",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=Tuple(elts=[List(elts=[Starred(value=Name(id='a', ctx=Load("
               ")), ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx="
               "Load())], ctx=Load()), Set(elts=[Starred(value=Name(id='c', c"
               "tx=Load()), ctx=Load())]), Tuple(elts=[Starred(value=Name(id="
               "'d', ctx=Load()), ctx=Load()), Name(id='e', ctx=Load())], ctx"
               "=Load())], ctx=Load()))], type_ignores=[])");
}

Test(parser_ast, dict_with_unpacking)
{
    expect_ast("x = {**a, 'b': 1, **c}",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=Dict(keys=[None, Constant(value='b'), None], values=[Name(i"
               "d='a', ctx=Load()), Constant(value=1), Name(id='c', ctx=Load("
               "))]))], type_ignores=[])");
}

Test(parser_ast, set_display)
{
    expect_ast("x = {1, 2}",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=Set(elts=[Constant(value=1), Constant(value=2)]))], type_ig"
               "nores=[])");
}

Test(parser_ast, empty_dict)
{
    expect_ast("x = {}",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=Dict(keys=[], values=[]))], type_ignores=[])");
}

Test(parser_ast, list_comprehension_with_conditions)
{
    expect_ast("x = [i for i in range(10) if i % 2 if i > 3 for j in range(i)"
               "]",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=ListComp(elt=Name(id='i', ctx=Load()), generators=[comprehe"
               "nsion(target=Name(id='i', ctx=Store()), iter=Call(func=Name(i"
               "d='range', ctx=Load()), args=[Constant(value=10)], keywords=["
               "]), ifs=[BinOp(left=Name(id='i', ctx=Load()), op=Mod(), right"
               "=Constant(value=2)), Compare(left=Name(id='i', ctx=Load()), o"
               "ps=[Gt()], comparators=[Constant(value=3)])], is_async=0), co"
               "mprehension(target=Name(id='j', ctx=Store()), iter=Call(func="
               "Name(id='range', ctx=Load()), args=[Name(id='i', ctx=Load())]"
               ", keywords=[]), ifs=[], is_async=0)]))], type_ignores=[])");
}

Test(parser_ast, set_and_dict_comprehensions)
{
    expect_ast("x = {i for i in s}, {k: v for k, v in d.items()}",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=Tuple(elts=[SetComp(elt=Name(id='i', ctx=Load()), generator"
               "s=[comprehension(target=Name(id='i', ctx=Store()), iter=Name("
               "id='s', ctx=Load()), ifs=[], is_async=0)]), DictComp(key=Name"
               "(id='k', ctx=Load()), value=Name(id='v', ctx=Load()), generat"
               "ors=[comprehension(target=Tuple(elts=[Name(id='k', ctx=Store("
               ")), Name(id='v', ctx=Store())], ctx=Store()), iter=Call(func="
               "Attribute(value=Name(id='d', ctx=Load()), attr='items', ctx=L"
               "oad()), args=[], keywords=[]), ifs=[], is_async=0)])], ctx=Lo"
               "ad()))], type_ignores=[])");
}

Test(parser_ast, generator_expression)
{
    expect_ast("x = (i * i for i in s)",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=GeneratorExp(elt=BinOp(left=Name(id='i', ctx=Load()), op=Mu"
               "lt(), right=Name(id='i', ctx=Load())), generators=[comprehens"
               "ion(target=Name(id='i', ctx=Store()), iter=Name(id='s', ctx=L"
               "oad()), ifs=[], is_async=0)]))], type_ignores=[])");
}

Test(parser_ast, comprehension_with_tuple_target)
{
    expect_ast("x = [a for a, *b in c]",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=ListComp(elt=Name(id='a', ctx=Load()), generators=[comprehe"
               "nsion(target=Tuple(elts=[Name(id='a', ctx=Store()), Starred(v"
               "alue=Name(id='b', ctx=Store()), ctx=Store())], ctx=Store()), "
               "iter=Name(id='c', ctx=Load()), ifs=[], is_async=0)]))], type_"
               "ignores=[])");
}

Test(parser_ast, constants)
{
    expect_ast("x = None, True, False, ..., 1, 1.5, \"s\", b\"b\"",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=Tuple(elts=[Constant(value=None), Constant(value=True), Con"
               "stant(value=False), Constant(value=Ellipsis), Constant(value="
               "1), Constant(value=1.5), Constant(value='s'), Constant(value="
               "b'b')], ctx=Load()))], type_ignores=[])");
}

Test(parser_ast, number_forms)
{
    expect_ast("x = 0x1F, 0o17, 0b101, 1_000_000, 1e10, 1.5E-3, .5, 5., 0_0, "
               "00",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=Tuple(elts=[Constant(value=31), Constant(value=15), Constan"
               "t(value=5), Constant(value=1000000), Constant(value=100000000"
               "00.0), Constant(value=0.0015), Constant(value=0.5), Constant("
               "value=5.0), Constant(value=0), Constant(value=0)], ctx=Load()"
               "))], type_ignores=[])");
}

Test(parser_ast, big_int_literal)
{
    expect_ast("x = 123456789012345678901234567890",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=Constant(value=123456789012345678901234567890))], type_igno"
               "res=[])");
}

Test(parser_ast, int64_limits)
{
    expect_ast("x = 9223372036854775807, -9223372036854775808",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=Tuple(elts=[Constant(value=9223372036854775807), UnaryOp(op"
               "=USub(), operand=Constant(value=9223372036854775808))], ctx=L"
               "oad()))], type_ignores=[])");
}

Test(parser_ast, keyword_after_number)
{
    expect_ast("x = 1if y else 2",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=IfExp(test=Name(id='y', ctx=Load()), body=Constant(value=1)"
               ", orelse=Constant(value=2)))], type_ignores=[])");
}

Test(parser_ast, attribute_of_int_literal)
{
    expect_ast("x = 1 .real, 1.0.real",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=Tuple(elts=[Attribute(value=Constant(value=1), attr='real',"
               " ctx=Load()), Attribute(value=Constant(value=1.0), attr='real"
               "', ctx=Load())], ctx=Load()))], type_ignores=[])");
}

Test(parser_ast, keyword_argument)
{
    expect_ast("f(x=1)",
               "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), a"
               "rgs=[], keywords=[keyword(arg='x', value=Constant(value=1))])"
               ")], type_ignores=[])");
}

Test(parser_ast, match_is_an_identifier)
{
    expect_ast("match = 1; match.x = match(2)",
               "Module(body=[Assign(targets=[Name(id='match', ctx=Store())], "
               "value=Constant(value=1)), Assign(targets=[Attribute(value=Nam"
               "e(id='match', ctx=Load()), attr='x', ctx=Store())], value=Cal"
               "l(func=Name(id='match', ctx=Load()), args=[Constant(value=2)]"
               ", keywords=[]))], type_ignores=[])");
}

Test(parser_ast, yield_forms)
{
    expect_ast("def g():\n    yield\n    yield 1\n    yield 1, 2\n    x = yie"
               "ld\n    yield from y\n    await_ = (yield)",
               "Module(body=[FunctionDef(name='g', args=arguments(posonlyargs"
               "=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), bo"
               "dy=[Expr(value=Yield()), Expr(value=Yield(value=Constant(valu"
               "e=1))), Expr(value=Yield(value=Tuple(elts=[Constant(value=1),"
               " Constant(value=2)], ctx=Load()))), Assign(targets=[Name(id='"
               "x', ctx=Store())], value=Yield()), Expr(value=YieldFrom(value"
               "=Name(id='y', ctx=Load()))), Assign(targets=[Name(id='await_'"
               ", ctx=Store())], value=Yield())], decorator_list=[])], type_i"
               "gnores=[])");
}

Test(parser_ast, lambda_may_yield)
{
    expect_ast("f = lambda: (yield)",
               "Module(body=[Assign(targets=[Name(id='f', ctx=Store())], valu"
               "e=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=["
               "], kw_defaults=[], defaults=[]), body=Yield()))], type_ignore"
               "s=[])");
}

Test(parser_ast, adjacent_strings_concatenate)
{
    expect_ast("x = \"a\" 'b' \"\"\"c\"\"\"",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=Constant(value='abc'))], type_ignores=[])");
}

Test(parser_ast, string_escapes)
{
    expect_ast("x = \"\\n\\t\\r\\\\\\'\\\"\\0\\a\\b\\f\\v\\x41\\u00e9\\U0001F"
               "600\\101\"",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=Constant(value='\\n\\t\\r\\\\\\'\"\\x00\\x07\\x08\\x0c\\x0b"
               "A\xc3""\xa9""\xf0""\x9f""\x98""\x80""A'))], type_ignores=[])");
}

Test(parser_ast, unknown_escape_is_kept)
{
    expect_ast("x = \"\\d\\q\"",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=Constant(value='\\\\d\\\\q'))], type_ignores=[])");
}

Test(parser_ast, escaped_newline_in_string)
{
    expect_ast("x = \"a\\\nb\"",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=Constant(value='ab'))], type_ignores=[])");
}

Test(parser_ast, raw_strings_keep_backslashes)
{
    expect_ast("x = r\"\\n\\d\", R\"\\x\"",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=Tuple(elts=[Constant(value='\\\\n\\\\d'), Constant(value='"
               "\\\\x')], ctx=Load()))], type_ignores=[])");
}

Test(parser_ast, bytes_escapes)
{
    expect_ast("x = b'\\x00\\xff\\n\\777', rb'\\x00', BR'\\n'",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=Tuple(elts=[Constant(value=b'\\x00\\xff\\n\\xff'), Constant"
               "(value=b'\\\\x00'), Constant(value=b'\\\\n')], ctx=Load()))],"
               " type_ignores=[])");
}

Test(parser_ast, u_prefix)
{
    expect_ast("x = U'a'",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=Constant(value='a'))], type_ignores=[])");
}

Test(parser_ast, triple_quoted_multiline)
{
    expect_ast("x = '''a\nb\n'''",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=Constant(value='a\\nb\\n'))], type_ignores=[])");
}

Test(parser_ast, non_ascii_string)
{
    expect_ast("x = \"h\xc3""\xa9""llo w\xc3""\xb6""rld \xe2""\x98""\x83""\"",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=Constant(value='h\xc3""\xa9""llo w\xc3""\xb6""rld "
               "\xe2""\x98""\x83""'))], type_ignores=[])");
}

Test(parser_ast, fstring_conversions_and_spec)
{
    expect_ast("x = f\"{a}{b!r}{c!s}{d!a}{e:>10}\"",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Loa"
               "d()), conversion=-1), FormattedValue(value=Name(id='b', ctx=L"
               "oad()), conversion=114), FormattedValue(value=Name(id='c', ct"
               "x=Load()), conversion=115), FormattedValue(value=Name(id='d',"
               " ctx=Load()), conversion=97), FormattedValue(value=Name(id='e"
               "', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=["
               "Constant(value='>10')]))]))], type_ignores=[])");
}

Test(parser_ast, fstring_nested_spec)
{
    expect_ast("x = f\"{x:{width}.{prec}f}\"",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Loa"
               "d()), conversion=-1, format_spec=JoinedStr(values=[FormattedV"
               "alue(value=Name(id='width', ctx=Load()), conversion=-1), Cons"
               "tant(value='.'), FormattedValue(value=Name(id='prec', ctx=Loa"
               "d()), conversion=-1), Constant(value='f')]))]))], type_ignore"
               "s=[])");
}

Test(parser_ast, fstring_empty_spec)
{
    expect_ast("x = f\"{x:}\"",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Loa"
               "d()), conversion=-1, format_spec=JoinedStr(values=[]))]))], t"
               "ype_ignores=[])");
}

Test(parser_ast, fstring_brace_escapes)
{
    expect_ast("x = f\"{{a}} {b} }}\"",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=JoinedStr(values=[Constant(value='{a} '), FormattedValue(va"
               "lue=Name(id='b', ctx=Load()), conversion=-1), Constant(value="
               "' }')]))], type_ignores=[])");
}

Test(parser_ast, fstring_debug_specifier)
{
    expect_ast("x = f\"{a=} {b = !s} {c=:>5}\"",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=JoinedStr(values=[Constant(value='a='), FormattedValue(valu"
               "e=Name(id='a', ctx=Load()), conversion=114), Constant(value='"
               " b = '), FormattedValue(value=Name(id='b', ctx=Load()), conve"
               "rsion=115), Constant(value=' c='), FormattedValue(value=Name("
               "id='c', ctx=Load()), conversion=-1, format_spec=JoinedStr(val"
               "ues=[Constant(value='>5')]))]))], type_ignores=[])");
}

Test(parser_ast, fstring_concatenated_with_strings)
{
    expect_ast("x = \"a\" f\"{b}\" \"c\" f\"d\"",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=JoinedStr(values=[Constant(value='a'), FormattedValue(value"
               "=Name(id='b', ctx=Load()), conversion=-1), Constant(value='cd"
               "')]))], type_ignores=[])");
}

Test(parser_ast, fstring_empty)
{
    expect_ast("x = f\"\"",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=JoinedStr(values=[]))], type_ignores=[])");
}

Test(parser_ast, fstring_quotes_inside_expression)
{
    expect_ast("x = f'{a[\"k\"]}' f\"{'q'}\"",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=JoinedStr(values=[FormattedValue(value=Subscript(value=Name"
               "(id='a', ctx=Load()), slice=Constant(value='k'), ctx=Load()),"
               " conversion=-1), FormattedValue(value=Constant(value='q'), co"
               "nversion=-1)]))], type_ignores=[])");
}

Test(parser_ast, fstring_tuple_and_genexp_fields)
{
    expect_ast("x = f\"{a, b}{x for x in y}\"",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=JoinedStr(values=[FormattedValue(value=Tuple(elts=[Name(id="
               "'a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), con"
               "version=-1), FormattedValue(value=GeneratorExp(elt=Name(id='x"
               "', ctx=Load()), generators=[comprehension(target=Name(id='x',"
               " ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_asyn"
               "c=0)]), conversion=-1)]))], type_ignores=[])");
}

Test(parser_ast, fstring_comparison_operators_in_field)
{
    expect_ast("x = f\"{a!=b}{a<=b}{a==b}\"",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=JoinedStr(values=[FormattedValue(value=Compare(left=Name(id"
               "='a', ctx=Load()), ops=[NotEq()], comparators=[Name(id='b', c"
               "tx=Load())]), conversion=-1), FormattedValue(value=Compare(le"
               "ft=Name(id='a', ctx=Load()), ops=[LtE()], comparators=[Name(i"
               "d='b', ctx=Load())]), conversion=-1), FormattedValue(value=Co"
               "mpare(left=Name(id='a', ctx=Load()), ops=[Eq()], comparators="
               "[Name(id='b', ctx=Load())]), conversion=-1)]))], type_ignores"
               "=[])");
}

Test(parser_ast, fstring_multiline_field)
{
    expect_ast("x = f\"\"\"{\n  a +\n  b\n}\"\"\"",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=JoinedStr(values=[FormattedValue(value=BinOp(left=Name(id='"
               "a', ctx=Load()), op=Add(), right=Name(id='b', ctx=Load())), c"
               "onversion=-1)]))], type_ignores=[])");
}

Test(parser_ast, raw_fstring)
{
    expect_ast("x = rf\"\\n{a}\\d\", fr\"{b}\\x\"",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=Tuple(elts=[JoinedStr(values=[Constant(value='\\\\n'), Form"
               "attedValue(value=Name(id='a', ctx=Load()), conversion=-1), Co"
               "nstant(value='\\\\d')]), JoinedStr(values=[FormattedValue(val"
               "ue=Name(id='b', ctx=Load()), conversion=-1), Constant(value='"
               "\\\\x')])], ctx=Load()))], type_ignores=[])");
}

Test(parser_ast, fstring_escapes_in_literal)
{
    expect_ast("x = f\"\\t{a}\\n\"",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=JoinedStr(values=[Constant(value='\\t'), FormattedValue(val"
               "ue=Name(id='a', ctx=Load()), conversion=-1), Constant(value='"
               "\\n')]))], type_ignores=[])");
}

Test(parser_ast, chained_assignment)
{
    expect_ast("a = b = c = 1",
               "Module(body=[Assign(targets=[Name(id='a', ctx=Store()), Name("
               "id='b', ctx=Store()), Name(id='c', ctx=Store())], value=Const"
               "ant(value=1))], type_ignores=[])");
}

Test(parser_ast, unpacking_assignment_targets)
{
    expect_ast("a, *b = c\n[d, (e, f)] = g\nx.y = z[0] = w",
               "Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Sto"
               "re()), Starred(value=Name(id='b', ctx=Store()), ctx=Store())]"
               ", ctx=Store())], value=Name(id='c', ctx=Load())), Assign(targ"
               "ets=[List(elts=[Name(id='d', ctx=Store()), Tuple(elts=[Name(i"
               "d='e', ctx=Store()), Name(id='f', ctx=Store())], ctx=Store())"
               "], ctx=Store())], value=Name(id='g', ctx=Load())), Assign(tar"
               "gets=[Attribute(value=Name(id='x', ctx=Load()), attr='y', ctx"
               "=Store()), Subscript(value=Name(id='z', ctx=Load()), slice=Co"
               "nstant(value=0), ctx=Store())], value=Name(id='w', ctx=Load()"
               "))], type_ignores=[])");
}

Test(parser_ast, augmented_assignments)
{
    expect_ast("x += 1\nx -= 1\nx *= 1\nx @= 1\nx /= 1\nx //= 1\nx %= 1\nx **"
               "= 1\nx <<= 1\nx >>= 1\nx &= 1\nx |= 1\nx ^= 1\nx.a += 1\nx[0]"
               " += 1",
               "Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=A"
               "dd(), value=Constant(value=1)), AugAssign(target=Name(id='x',"
               " ctx=Store()), op=Sub(), value=Constant(value=1)), AugAssign("
               "target=Name(id='x', ctx=Store()), op=Mult(), value=Constant(v"
               "alue=1)), AugAssign(target=Name(id='x', ctx=Store()), op=MatM"
               "ult(), value=Constant(value=1)), AugAssign(target=Name(id='x'"
               ", ctx=Store()), op=Div(), value=Constant(value=1)), AugAssign"
               "(target=Name(id='x', ctx=Store()), op=FloorDiv(), value=Const"
               "ant(value=1)), AugAssign(target=Name(id='x', ctx=Store()), op"
               "=Mod(), value=Constant(value=1)), AugAssign(target=Name(id='x"
               "', ctx=Store()), op=Pow(), value=Constant(value=1)), AugAssig"
               "n(target=Name(id='x', ctx=Store()), op=LShift(), value=Consta"
               "nt(value=1)), AugAssign(target=Name(id='x', ctx=Store()), op="
               "RShift(), value=Constant(value=1)), AugAssign(target=Name(id="
               "'x', ctx=Store()), op=BitAnd(), value=Constant(value=1)), Aug"
               "Assign(target=Name(id='x', ctx=Store()), op=BitOr(), value=Co"
               "nstant(value=1)), AugAssign(target=Name(id='x', ctx=Store()),"
               " op=BitXor(), value=Constant(value=1)), AugAssign(target=Attr"
               "ibute(value=Name(id='x', ctx=Load()), attr='a', ctx=Store()),"
               " op=Add(), value=Constant(value=1)), AugAssign(target=Subscri"
               "pt(value=Name(id='x', ctx=Load()), slice=Constant(value=0), c"
               "tx=Store()), op=Add(), value=Constant(value=1))], type_ignore"
               "s=[])");
}

Test(parser_ast, annotated_assignments)
{
    expect_ast("x: int = 1\ny: list\n(z): int = 2\na.b: int\nc[0]: int = 3",
               "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), anno"
               "tation=Name(id='int', ctx=Load()), value=Constant(value=1), s"
               "imple=1), AnnAssign(target=Name(id='y', ctx=Store()), annotat"
               "ion=Name(id='list', ctx=Load()), simple=1), AnnAssign(target="
               "Name(id='z', ctx=Store()), annotation=Name(id='int', ctx=Load"
               "()), value=Constant(value=2), simple=0), AnnAssign(target=Att"
               "ribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Store())"
               ", annotation=Name(id='int', ctx=Load()), simple=0), AnnAssign"
               "(target=Subscript(value=Name(id='c', ctx=Load()), slice=Const"
               "ant(value=0), ctx=Store()), annotation=Name(id='int', ctx=Loa"
               "d()), value=Constant(value=3), simple=0)], type_ignores=[])");
}

Test(parser_ast, delete_targets)
{
    expect_ast("del a, b[0], c.d\ndel (e, f), [g]\ndel h,",
               "Module(body=[Delete(targets=[Name(id='a', ctx=Del()), Subscri"
               "pt(value=Name(id='b', ctx=Load()), slice=Constant(value=0), c"
               "tx=Del()), Attribute(value=Name(id='c', ctx=Load()), attr='d'"
               ", ctx=Del())]), Delete(targets=[Tuple(elts=[Name(id='e', ctx="
               "Del()), Name(id='f', ctx=Del())], ctx=Del()), List(elts=[Name"
               "(id='g', ctx=Del())], ctx=Del())]), Delete(targets=[Name(id='"
               "h', ctx=Del())])], type_ignores=[])");
}

Test(parser_ast, pass_break_continue)
{
    expect_ast("while x:\n    pass\n    break\n    continue",
               "Module(body=[While(test=Name(id='x', ctx=Load()), body=[Pass("
               "), Break(), Continue()], orelse=[])], type_ignores=[])");
}

Test(parser_ast, if_elif_else)
{
    expect_ast("if a:\n    x\nelif b:\n    y\nelif c:\n    z\nelse:\n    w",
               "Module(body=[If(test=Name(id='a', ctx=Load()), body=[Expr(val"
               "ue=Name(id='x', ctx=Load()))], orelse=[If(test=Name(id='b', c"
               "tx=Load()), body=[Expr(value=Name(id='y', ctx=Load()))], orel"
               "se=[If(test=Name(id='c', ctx=Load()), body=[Expr(value=Name(i"
               "d='z', ctx=Load()))], orelse=[Expr(value=Name(id='w', ctx=Loa"
               "d()))])])])], type_ignores=[])");
}

Test(parser_ast, one_line_compound_statements)
{
    expect_ast("if x: pass\nwhile y: break\nfor i in z: continue",
               "Module(body=[If(test=Name(id='x', ctx=Load()), body=[Pass()],"
               " orelse=[]), While(test=Name(id='y', ctx=Load()), body=[Break"
               "()], orelse=[]), For(target=Name(id='i', ctx=Store()), iter=N"
               "ame(id='z', ctx=Load()), body=[Continue()], orelse=[])], type"
               "_ignores=[])");
}

Test(parser_ast, for_else_and_while_else)
{
    expect_ast("for x in y:\n    pass\nelse:\n    pass\nwhile z:\n    pass\ne"
               "lse:\n    pass",
               "Module(body=[For(target=Name(id='x', ctx=Store()), iter=Name("
               "id='y', ctx=Load()), body=[Pass()], orelse=[Pass()]), While(t"
               "est=Name(id='z', ctx=Load()), body=[Pass()], orelse=[Pass()])"
               "], type_ignores=[])");
}

Test(parser_ast, for_with_tuple_target_and_iterable)
{
    expect_ast("for i, (j, *k) in a, b:\n    pass",
               "Module(body=[For(target=Tuple(elts=[Name(id='i', ctx=Store())"
               ", Tuple(elts=[Name(id='j', ctx=Store()), Starred(value=Name(i"
               "d='k', ctx=Store()), ctx=Store())], ctx=Store())], ctx=Store("
               ")), iter=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', c"
               "tx=Load())], ctx=Load()), body=[Pass()], orelse=[])], type_ig"
               "nores=[])");
}

Test(parser_ast, function_definition)
{
    expect_ast("def f(a, b: int = 1, *args: str, c, d: float = 2.0, **kw: dic"
               "t) -> None:\n    \"\"\"doc\"\"\"\n    return a",
               "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs"
               "=[], args=[arg(arg='a'), arg(arg='b', annotation=Name(id='int"
               "', ctx=Load()))], vararg=arg(arg='args', annotation=Name(id='"
               "str', ctx=Load())), kwonlyargs=[arg(arg='c'), arg(arg='d', an"
               "notation=Name(id='float', ctx=Load()))], kw_defaults=[None, C"
               "onstant(value=2.0)], kwarg=arg(arg='kw', annotation=Name(id='"
               "dict', ctx=Load())), defaults=[Constant(value=1)]), body=[Exp"
               "r(value=Constant(value='doc')), Return(value=Name(id='a', ctx"
               "=Load()))], decorator_list=[], returns=Constant(value=None))]"
               ", type_ignores=[])");
}

Test(parser_ast, function_keyword_only)
{
    expect_ast("def f(*, a, b=1): pass",
               "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs"
               "=[], args=[], kwonlyargs=[arg(arg='a'), arg(arg='b')], kw_def"
               "aults=[None, Constant(value=1)], defaults=[]), body=[Pass()],"
               " decorator_list=[])], type_ignores=[])");
}

Test(parser_ast, decorators)
{
    expect_ast("@a\n@b.c(d)\n@e[0]\ndef f(): pass\n@g\nclass C: pass",
               "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs"
               "=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), bo"
               "dy=[Pass()], decorator_list=[Name(id='a', ctx=Load()), Call(f"
               "unc=Attribute(value=Name(id='b', ctx=Load()), attr='c', ctx=L"
               "oad()), args=[Name(id='d', ctx=Load())], keywords=[]), Subscr"
               "ipt(value=Name(id='e', ctx=Load()), slice=Constant(value=0), "
               "ctx=Load())]), ClassDef(name='C', bases=[], keywords=[], body"
               "=[Pass()], decorator_list=[Name(id='g', ctx=Load())])], type_"
               "ignores=[])");
}

Test(parser_ast, class_with_bases_and_keywords)
{
    expect_ast("class A(B, C, metaclass=M, **kw):\n    x = 1\n    def m(self)"
               ":\n        return self.x",
               "Module(body=[ClassDef(name='A', bases=[Name(id='B', ctx=Load("
               ")), Name(id='C', ctx=Load())], keywords=[keyword(arg='metacla"
               "ss', value=Name(id='M', ctx=Load())), keyword(value=Name(id='"
               "kw', ctx=Load()))], body=[Assign(targets=[Name(id='x', ctx=St"
               "ore())], value=Constant(value=1)), FunctionDef(name='m', args"
               "=arguments(posonlyargs=[], args=[arg(arg='self')], kwonlyargs"
               "=[], kw_defaults=[], defaults=[]), body=[Return(value=Attribu"
               "te(value=Name(id='self', ctx=Load()), attr='x', ctx=Load()))]"
               ", decorator_list=[])], decorator_list=[])], type_ignores=[])");
}

Test(parser_ast, class_without_parentheses)
{
    expect_ast("class A:\n    pass\nclass B():\n    pass",
               "Module(body=[ClassDef(name='A', bases=[], keywords=[], body=["
               "Pass()], decorator_list=[]), ClassDef(name='B', bases=[], key"
               "words=[], body=[Pass()], decorator_list=[])], type_ignores=[]"
               ")");
}

Test(parser_ast, return_forms)
{
    expect_ast("def f():\n    return\n    return 1\n    return 1, *a",
               "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs"
               "=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), bo"
               "dy=[Return(), Return(value=Constant(value=1)), Return(value=T"
               "uple(elts=[Constant(value=1), Starred(value=Name(id='a', ctx="
               "Load()), ctx=Load())], ctx=Load()))], decorator_list=[])], ty"
               "pe_ignores=[])");
}

Test(parser_ast, raise_forms)
{
    expect_ast("raise\nraise E\nraise E from c",
               "Module(body=[Raise(), Raise(exc=Name(id='E', ctx=Load())), Ra"
               "ise(exc=Name(id='E', ctx=Load()), cause=Name(id='c', ctx=Load"
               "()))], type_ignores=[])");
}

Test(parser_ast, try_full)
{
    expect_ast("try:\n    a\nexcept (A, B) as e:\n    b\nexcept C:\n    c\nex"
               "cept:\n    d\nelse:\n    e\nfinally:\n    f",
               "Module(body=[Try(body=[Expr(value=Name(id='a', ctx=Load()))],"
               " handlers=[ExceptHandler(type=Tuple(elts=[Name(id='A', ctx=Lo"
               "ad()), Name(id='B', ctx=Load())], ctx=Load()), name='e', body"
               "=[Expr(value=Name(id='b', ctx=Load()))]), ExceptHandler(type="
               "Name(id='C', ctx=Load()), body=[Expr(value=Name(id='c', ctx=L"
               "oad()))]), ExceptHandler(body=[Expr(value=Name(id='d', ctx=Lo"
               "ad()))])], orelse=[Expr(value=Name(id='e', ctx=Load()))], fin"
               "albody=[Expr(value=Name(id='f', ctx=Load()))])], type_ignores"
               "=[])");
}

Test(parser_ast, try_finally_only)
{
    expect_ast("try:\n    a\nfinally:\n    b",
               "Module(body=[Try(body=[Expr(value=Name(id='a', ctx=Load()))],"
               " handlers=[], orelse=[], finalbody=[Expr(value=Name(id='b', c"
               "tx=Load()))])], type_ignores=[])");
}

Test(parser_ast, with_items)
{
    expect_ast("with a as b, c as (d, e), f:\n    pass",
               "Module(body=[With(items=[withitem(context_expr=Name(id='a', c"
               "tx=Load()), optional_vars=Name(id='b', ctx=Store())), withite"
               "m(context_expr=Name(id='c', ctx=Load()), optional_vars=Tuple("
               "elts=[Name(id='d', ctx=Store()), Name(id='e', ctx=Store())], "
               "ctx=Store())), withitem(context_expr=Name(id='f', ctx=Load())"
               ")], body=[Pass()])], type_ignores=[])");
}

Test(parser_ast, with_parenthesized_items)
{
    expect_ast("with (a as b, c,):\n    pass",
               "Module(body=[With(items=[withitem(context_expr=Name(id='a', c"
               "tx=Load()), optional_vars=Name(id='b', ctx=Store())), withite"
               "m(context_expr=Name(id='c', ctx=Load()))], body=[Pass()])], t"
               "ype_ignores=[])");
}

Test(parser_ast, with_parenthesized_expression_as_target)
{
    expect_ast("with (a, b) as c:\n    pass\nwith (a) as b:\n    pass",
               "Module(body=[With(items=[withitem(context_expr=Tuple(elts=[Na"
               "me(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()"
               "), optional_vars=Name(id='c', ctx=Store()))], body=[Pass()]),"
               " With(items=[withitem(context_expr=Name(id='a', ctx=Load()), "
               "optional_vars=Name(id='b', ctx=Store()))], body=[Pass()])], t"
               "ype_ignores=[])");
}

Test(parser_ast, with_parenthesized_names_are_items)
{
    expect_ast("with (a, b):\n    pass",
               "Module(body=[With(items=[withitem(context_expr=Name(id='a', c"
               "tx=Load())), withitem(context_expr=Name(id='b', ctx=Load()))]"
               ", body=[Pass()])], type_ignores=[])");
}

Test(parser_ast, assert_forms)
{
    expect_ast("assert x\nassert x, \"msg\"",
               "Module(body=[Assert(test=Name(id='x', ctx=Load())), Assert(te"
               "st=Name(id='x', ctx=Load()), msg=Constant(value='msg'))], typ"
               "e_ignores=[])");
}

Test(parser_ast, import_forms)
{
    expect_ast("import os, sys as s, a.b.c as d\nimport a . b",
               "Module(body=[Import(names=[alias(name='os'), alias(name='sys'"
               ", asname='s'), alias(name='a.b.c', asname='d')]), Import(name"
               "s=[alias(name='a.b')])], type_ignores=[])");
}

Test(parser_ast, from_import_forms)
{
    expect_ast("from os.path import join as j, exists\nfrom . import a\nfrom "
               ".a.b import (c,\n    d as e,)\nfrom ...a import b\nfrom .... "
               "import c\nfrom m import *",
               "Module(body=[ImportFrom(module='os.path', names=[alias(name='"
               "join', asname='j'), alias(name='exists')], level=0), ImportFr"
               "om(names=[alias(name='a')], level=1), ImportFrom(module='a.b'"
               ", names=[alias(name='c'), alias(name='d', asname='e')], level"
               "=1), ImportFrom(module='a', names=[alias(name='b')], level=3)"
               ", ImportFrom(names=[alias(name='c')], level=4), ImportFrom(mo"
               "dule='m', names=[alias(name='*')], level=0)], type_ignores=[]"
               ")");
}

Test(parser_ast, global_and_nonlocal)
{
    expect_ast("def f():\n    global a, b\n    def g():\n        nonlocal c",
               "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs"
               "=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), bo"
               "dy=[Global(names=['a', 'b']), FunctionDef(name='g', args=argu"
               "ments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[],"
               " defaults=[]), body=[Nonlocal(names=['c'])], decorator_list=["
               "])], decorator_list=[])], type_ignores=[])");
}

Test(parser_ast, semicolons)
{
    expect_ast("a = 1; b = 2;",
               "Module(body=[Assign(targets=[Name(id='a', ctx=Store())], valu"
               "e=Constant(value=1)), Assign(targets=[Name(id='b', ctx=Store("
               "))], value=Constant(value=2))], type_ignores=[])");
}

Test(parser_ast, expression_statements)
{
    expect_ast("f()\nx\n1\n\"doc\"",
               "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), a"
               "rgs=[], keywords=[])), Expr(value=Name(id='x', ctx=Load())), "
               "Expr(value=Constant(value=1)), Expr(value=Constant(value='doc"
               "'))], type_ignores=[])");
}

Test(parser_ast, comments_and_blank_lines)
{
    expect_ast("# c\n\nif x:  # c\n\n    # c\n    pass  # c\n# trailing\n",
               "Module(body=[If(test=Name(id='x', ctx=Load()), body=[Pass()],"
               " orelse=[])], type_ignores=[])");
}

Test(parser_ast, implicit_line_joining)
{
    expect_ast("x = [\n    1,  # one\n        2,\n]\ny = (a +\n     b)",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=List(elts=[Constant(value=1), Constant(value=2)], ctx=Load("
               "))), Assign(targets=[Name(id='y', ctx=Store())], value=BinOp("
               "left=Name(id='a', ctx=Load()), op=Add(), right=Name(id='b', c"
               "tx=Load())))], type_ignores=[])");
}

Test(parser_ast, backslash_continuation)
{
    expect_ast("x = 1 + \\\n    2\nif a and \\\n   b:\n    pass",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
               "e=BinOp(left=Constant(value=1), op=Add(), right=Constant(valu"
               "e=2))), If(test=BoolOp(op=And(), values=[Name(id='a', ctx=Loa"
               "d()), Name(id='b', ctx=Load())]), body=[Pass()], orelse=[])],"
               " type_ignores=[])");
}

Test(parser_ast, tabs_for_indentation)
{
    expect_ast("if x:\n\tif y:\n\t\tpass\n\tz",
               "Module(body=[If(test=Name(id='x', ctx=Load()), body=[If(test="
               "Name(id='y', ctx=Load()), body=[Pass()], orelse=[]), Expr(val"
               "ue=Name(id='z', ctx=Load()))], orelse=[])], type_ignores=[])");
}

Test(parser_ast, crlf_line_endings)
{
    expect_ast("if x:\r\n    y = 1\r\nz = 2\r\n",
               "Module(body=[If(test=Name(id='x', ctx=Load()), body=[Assign(t"
               "argets=[Name(id='y', ctx=Store())], value=Constant(value=1))]"
               ", orelse=[]), Assign(targets=[Name(id='z', ctx=Store())], val"
               "ue=Constant(value=2))], type_ignores=[])");
}

Test(parser_ast, missing_final_newline)
{
    expect_ast("if x:\n    y",
               "Module(body=[If(test=Name(id='x', ctx=Load()), body=[Expr(val"
               "ue=Name(id='y', ctx=Load()))], orelse=[])], type_ignores=[])");
}

Test(parser_ast, empty_module)
{
    expect_ast("",
               "Module(body=[], type_ignores=[])");
}

Test(parser_ast, only_comments)
{
    expect_ast("# nothing\n\n   # indented comment\n",
               "Module(body=[], type_ignores=[])");
}

Test(parser_ast, star_expression_in_return_and_for)
{
    expect_ast("def f():\n    for x in *a, b:\n        return *a, b",
               "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs"
               "=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), bo"
               "dy=[For(target=Name(id='x', ctx=Store()), iter=Tuple(elts=[St"
               "arred(value=Name(id='a', ctx=Load()), ctx=Load()), Name(id='b"
               "', ctx=Load())], ctx=Load()), body=[Return(value=Tuple(elts=["
               "Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Name(id="
               "'b', ctx=Load())], ctx=Load()))], orelse=[])], decorator_list"
               "=[])], type_ignores=[])");
}

Test(parser_ast, yield_in_lambda_inside_comprehension)
{
    expect_ast("def f():\n    return [lambda: (yield) for x in y]",
               "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs"
               "=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), bo"
               "dy=[Return(value=ListComp(elt=Lambda(args=arguments(posonlyar"
               "gs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), "
               "body=Yield()), generators=[comprehension(target=Name(id='x', "
               "ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async"
               "=0)]))], decorator_list=[])], type_ignores=[])");
}

Test(parser_ast, yield_in_first_iterable_belongs_to_function)
{
    expect_ast("def f():\n    return [x for x in (yield)]",
               "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs"
               "=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), bo"
               "dy=[Return(value=ListComp(elt=Name(id='x', ctx=Load()), gener"
               "ators=[comprehension(target=Name(id='x', ctx=Store()), iter=Y"
               "ield(), ifs=[], is_async=0)]))], decorator_list=[])], type_ig"
               "nores=[])");
}

Test(parser_errors, generic_invalid_syntax)
{
    expect_error("x = 1 2",
                 "SyntaxError: invalid syntax",
                 1, 7);
}

Test(parser_errors, missing_comma_in_list)
{
    expect_error("x = [1 2]",
                 "SyntaxError: invalid syntax. Perhaps you forgot a comma?",
                 1, 6);
}

Test(parser_errors, missing_comma_in_call)
{
    expect_error("f(a b)",
                 "SyntaxError: invalid syntax. Perhaps you forgot a comma?",
                 1, 3);
}

Test(parser_errors, missing_comma_in_dict_value)
{
    expect_error("x = {1: 2 3: 4}",
                 "SyntaxError: invalid syntax. Perhaps you forgot a comma?",
                 1, 9);
}

Test(parser_errors, missing_comma_reports_first_pair)
{
    expect_error("[a b c]",
                 "SyntaxError: invalid syntax. Perhaps you forgot a comma?",
                 1, 2);
}

Test(parser_errors, no_comma_hint_for_soft_keyword)
{
    expect_error("[match x]",
                 "SyntaxError: invalid syntax",
                 1, 8);
}

Test(parser_errors, no_comma_hint_for_name_string)
{
    expect_error("[a \"x\"]",
                 "SyntaxError: invalid syntax",
                 1, 4);
}

Test(parser_errors, missing_parentheses_in_print)
{
    expect_error("print \"hello\"",
                 "SyntaxError: Missing parentheses in call to 'print'. Did yo"
                 "u mean print(...)?",
                 1, 1);
}

Test(parser_errors, missing_parentheses_in_print_inside_list)
{
    expect_error("[print \"x\"]",
                 "SyntaxError: Missing parentheses in call to 'print'. Did yo"
                 "u mean print(...)?",
                 1, 2);
}

Test(parser_errors, expected_colon_after_if)
{
    expect_error("if x\n    pass\n",
                 "SyntaxError: expected ':'",
                 1, 5);
}

Test(parser_errors, expected_colon_after_while)
{
    expect_error("while x\n    pass\n",
                 "SyntaxError: expected ':'",
                 1, 8);
}

Test(parser_errors, expected_colon_after_for)
{
    expect_error("for x in y\n    pass\n",
                 "SyntaxError: expected ':'",
                 1, 11);
}

Test(parser_errors, expected_colon_after_def)
{
    expect_error("def f()\n    pass\n",
                 "SyntaxError: expected ':'",
                 1, 8);
}

Test(parser_errors, expected_colon_after_def_even_mid_line)
{
    expect_error("def f() x:\n    pass\n",
                 "SyntaxError: expected ':'",
                 1, 9);
}

Test(parser_errors, expected_colon_after_class)
{
    expect_error("class A\n    pass\n",
                 "SyntaxError: expected ':'",
                 1, 8);
}

Test(parser_errors, expected_colon_after_try)
{
    expect_error("try x:\n    pass\n",
                 "SyntaxError: expected ':'",
                 1, 5);
}

Test(parser_errors, expected_colon_after_else)
{
    expect_error("if x:\n    pass\nelse x:\n    pass\n",
                 "SyntaxError: expected ':'",
                 3, 6);
}

Test(parser_errors, expected_colon_after_except)
{
    expect_error("try:\n    pass\nexcept X\n    pass\n",
                 "SyntaxError: expected ':'",
                 3, 9);
}

Test(parser_errors, expected_colon_after_with)
{
    expect_error("with x\n    pass\n",
                 "SyntaxError: expected ':'",
                 1, 7);
}

Test(parser_errors, invalid_syntax_when_if_condition_continues)
{
    expect_error("if x y:\n    pass\n",
                 "SyntaxError: invalid syntax",
                 1, 6);
}

Test(parser_errors, expected_open_paren_after_def_name)
{
    expect_error("def f:\n    pass\n",
                 "SyntaxError: expected '('",
                 1, 6);
}

Test(parser_errors, indented_block_after_if)
{
    expect_error("if x:\npass\n",
                 "IndentationError: expected an indented block after 'if' sta"
                 "tement on line 1",
                 2, 1);
}

Test(parser_errors, indented_block_after_elif)
{
    expect_error("if x:\n    pass\nelif y:\npass\n",
                 "IndentationError: expected an indented block after 'elif' s"
                 "tatement on line 3",
                 4, 1);
}

Test(parser_errors, indented_block_after_else)
{
    expect_error("if x:\n    pass\nelse:\npass\n",
                 "IndentationError: expected an indented block after 'else' s"
                 "tatement on line 3",
                 4, 1);
}

Test(parser_errors, indented_block_after_for)
{
    expect_error("for x in y:\nz = 1\n",
                 "IndentationError: expected an indented block after 'for' st"
                 "atement on line 1",
                 2, 1);
}

Test(parser_errors, indented_block_after_while)
{
    expect_error("while x:\n# comment\ny = 1\n",
                 "IndentationError: expected an indented block after 'while' "
                 "statement on line 1",
                 3, 1);
}

Test(parser_errors, indented_block_after_def)
{
    expect_error("def f():\npass\n",
                 "IndentationError: expected an indented block after function"
                 " definition on line 1",
                 2, 1);
}

Test(parser_errors, indented_block_after_class)
{
    expect_error("class A:\nx = 1\n",
                 "IndentationError: expected an indented block after class de"
                 "finition on line 1",
                 2, 1);
}

Test(parser_errors, indented_block_after_try)
{
    expect_error("try:\nx = 1\n",
                 "IndentationError: expected an indented block after 'try' st"
                 "atement on line 1",
                 2, 1);
}

Test(parser_errors, indented_block_after_except)
{
    expect_error("try:\n    x = 1\nexcept:\npass\n",
                 "IndentationError: expected an indented block after 'except'"
                 " statement on line 3",
                 4, 1);
}

Test(parser_errors, indented_block_after_finally)
{
    expect_error("try:\n    x = 1\nfinally:\npass\n",
                 "IndentationError: expected an indented block after 'finally"
                 "' statement on line 3",
                 4, 1);
}

Test(parser_errors, indented_block_after_with)
{
    expect_error("with a:\npass\n",
                 "IndentationError: expected an indented block after 'with' s"
                 "tatement on line 1",
                 2, 1);
}

Test(parser_errors, indented_block_at_end_of_file)
{
    expect_error("if x:\n",
                 "IndentationError: expected an indented block after 'if' sta"
                 "tement on line 1",
                 1, -1);
}

Test(parser_errors, indented_block_nested_at_end_of_file)
{
    expect_error("def f():\n    if x:\n",
                 "IndentationError: expected an indented block after 'if' sta"
                 "tement on line 2",
                 2, -1);
}

Test(parser_errors, unexpected_indent)
{
    expect_error("x = 1\n    y = 2\n",
                 "IndentationError: unexpected indent",
                 2, 4);
}

Test(parser_errors, unexpected_indent_first_line)
{
    expect_error("  x = 1\n",
                 "IndentationError: unexpected indent",
                 1, 2);
}

Test(parser_errors, unindent_mismatch)
{
    expect_error("if x:\n        a\n    b\n",
                 "IndentationError: unindent does not match any outer indenta"
                 "tion level",
                 3, 6);
}

Test(parser_errors, unindent_mismatch_in_class)
{
    expect_error("class A:\n    def f(self):\n        pass\n   x = 1\n",
                 "IndentationError: unindent does not match any outer indenta"
                 "tion level",
                 4, 9);
}

Test(parser_errors, tab_space_mix)
{
    expect_error("if x:\n\ta\n        b\n",
                 "TabError: inconsistent use of tabs and spaces in indentatio"
                 "n",
                 3, 1);
}

Test(parser_errors, unterminated_string)
{
    expect_error("x = \"abc\ny = 2\n",
                 "SyntaxError: unterminated string literal (detected at line "
                 "1)",
                 1, 5);
}

Test(parser_errors, unterminated_triple_quoted_string)
{
    expect_error("x = \"\"\"abc\n\ny = 2\n",
                 "SyntaxError: unterminated triple-quoted string literal (det"
                 "ected at line 3)",
                 1, 5);
}

Test(parser_errors, unterminated_string_wins_over_earlier_parse_error)
{
    expect_error("x = 1 +\ny = \"abc\n",
                 "SyntaxError: unterminated string literal (detected at line "
                 "2)",
                 2, 5);
}

Test(parser_errors, unclosed_paren)
{
    expect_error("x = (1,\n2\ny = 3\n",
                 "SyntaxError: '(' was never closed",
                 1, 5);
}

Test(parser_errors, unclosed_bracket_at_end)
{
    expect_error("x = [1, 2\n",
                 "SyntaxError: '[' was never closed",
                 1, 5);
}

Test(parser_errors, unclosed_brace_found_after_parse_error)
{
    expect_error("x{a = 1\ny = 2\n",
                 "SyntaxError: '{' was never closed",
                 1, 2);
}

Test(parser_errors, unmatched_close_paren)
{
    expect_error("x = )\n",
                 "SyntaxError: unmatched ')'",
                 1, 5);
}

Test(parser_errors, mismatched_brackets_same_line)
{
    expect_error("x = (]\n",
                 "SyntaxError: closing parenthesis ']' does not match opening"
                 " parenthesis '('",
                 1, 6);
}

Test(parser_errors, mismatched_brackets_other_line)
{
    expect_error("x = (\n]\n",
                 "SyntaxError: closing parenthesis ']' does not match opening"
                 " parenthesis '(' on line 1",
                 2, 1);
}

Test(parser_errors, unexpected_eof_after_backslash)
{
    expect_error("x = 1 +\\\n",
                 "SyntaxError: unexpected EOF while parsing",
                 1, 9);
}

Test(parser_errors, character_after_line_continuation)
{
    expect_error("x = 1 \\ y\n",
                 "SyntaxError: unexpected character after line continuation c"
                 "haracter",
                 1, 8);
}

Test(parser_errors, invalid_decimal_literal)
{
    expect_error("x = 1_\n",
                 "SyntaxError: invalid decimal literal",
                 1, 6);
}

Test(parser_errors, invalid_decimal_literal_letter)
{
    expect_error("x = 1a\n",
                 "SyntaxError: invalid decimal literal",
                 1, 5);
}

Test(parser_errors, invalid_exponent)
{
    expect_error("x = 1e\n",
                 "SyntaxError: invalid decimal literal",
                 1, 5);
}

Test(parser_errors, invalid_hexadecimal_literal)
{
    expect_error("x = 0x\n",
                 "SyntaxError: invalid hexadecimal literal",
                 1, 6);
}

Test(parser_errors, invalid_octal_digit)
{
    expect_error("x = 0o8\n",
                 "SyntaxError: invalid digit '8' in octal literal",
                 1, 7);
}

Test(parser_errors, invalid_binary_digit)
{
    expect_error("x = 0b12\n",
                 "SyntaxError: invalid digit '2' in binary literal",
                 1, 8);
}

Test(parser_errors, invalid_binary_literal)
{
    expect_error("x = 0b\n",
                 "SyntaxError: invalid binary literal",
                 1, 6);
}

Test(parser_errors, leading_zeros)
{
    expect_error("x = 0777\n",
                 "SyntaxError: leading zeros in decimal integer literals are "
                 "not permitted; use an 0o prefix for octal integers",
                 1, 5);
}

Test(parser_errors, invalid_character)
{
    expect_error("x = 5 \xc3""\x97"" 3\n",
                 "SyntaxError: invalid character '\xc3""\x97""' (U+00D7)",
                 1, 7);
}

Test(parser_errors, invalid_quote_character)
{
    expect_error("x = \xe2""\x80""\x9c""hi\xe2""\x80""\x9d""\n",
                 "SyntaxError: invalid character '\xe2""\x80""\x9c""' (U+201C"
                 ")",
                 1, 5);
}

Test(parser_errors, invalid_non_printable_character)
{
    expect_error("x = \x01""\n",
                 "SyntaxError: invalid non-printable character U+0001",
                 1, 5);
}

Test(parser_errors, cannot_assign_to_literal)
{
    expect_error("x = 1 = 2\n",
                 "SyntaxError: cannot assign to literal",
                 1, 5);
}

Test(parser_errors, cannot_assign_to_literal_here)
{
    expect_error("1 = x\n",
                 "SyntaxError: cannot assign to literal here. Maybe you meant"
                 " '==' instead of '='?",
                 1, 1);
}

Test(parser_errors, cannot_assign_to_function_call_here)
{
    expect_error("f() = 1\n",
                 "SyntaxError: cannot assign to function call here. Maybe you"
                 " meant '==' instead of '='?",
                 1, 1);
}

Test(parser_errors, cannot_assign_to_expression_here)
{
    expect_error("x + 1 = 2\n",
                 "SyntaxError: cannot assign to expression here. Maybe you me"
                 "ant '==' instead of '='?",
                 1, 1);
}

Test(parser_errors, cannot_assign_to_comparison)
{
    expect_error("a < b = 1\n",
                 "SyntaxError: cannot assign to comparison",
                 1, 1);
}

Test(parser_errors, cannot_assign_to_conditional_expression)
{
    expect_error("x if y else z = 1\n",
                 "SyntaxError: cannot assign to conditional expression",
                 1, 1);
}

Test(parser_errors, cannot_assign_to_lambda)
{
    expect_error("lambda: x = 1\n",
                 "SyntaxError: cannot assign to lambda",
                 1, 1);
}

Test(parser_errors, cannot_assign_to_none)
{
    expect_error("None = 1\n",
                 "SyntaxError: cannot assign to None",
                 1, 1);
}

Test(parser_errors, cannot_assign_to_true_keyword_argument)
{
    expect_error("f(True=1)\n",
                 "SyntaxError: cannot assign to True",
                 1, 3);
}

Test(parser_errors, maybe_equals_in_if)
{
    expect_error("if x = 1:\n    pass\n",
                 "SyntaxError: invalid syntax. Maybe you meant '==' or ':=' i"
                 "nstead of '='?",
                 1, 4);
}

Test(parser_errors, maybe_equals_for_call_in_if)
{
    expect_error("if f() = 1:\n    pass\n",
                 "SyntaxError: cannot assign to function call here. Maybe you"
                 " meant '==' instead of '='?",
                 1, 4);
}

Test(parser_errors, maybe_equals_in_tuple_target)
{
    expect_error("1, a = x\n",
                 "SyntaxError: invalid syntax. Maybe you meant '==' or ':=' i"
                 "nstead of '='?",
                 1, 4);
}

Test(parser_errors, cannot_assign_to_literal_without_value)
{
    expect_error("\"abc\" =\nx = 1\n",
                 "SyntaxError: cannot assign to literal",
                 1, 1);
}

Test(parser_errors, cannot_assign_in_for_target)
{
    expect_error("for f() in x:\n    pass\n",
                 "SyntaxError: cannot assign to function call",
                 1, 5);
}

Test(parser_errors, cannot_assign_in_comprehension_target)
{
    expect_error("[x for 1 in y]\n",
                 "SyntaxError: cannot assign to literal",
                 1, 8);
}

Test(parser_errors, cannot_assign_in_with_target)
{
    expect_error("with a as 1:\n    pass\n",
                 "SyntaxError: cannot assign to literal",
                 1, 11);
}

Test(parser_errors, cannot_delete_function_call)
{
    expect_error("del f()\n",
                 "SyntaxError: cannot delete function call",
                 1, 5);
}

Test(parser_errors, cannot_delete_literal)
{
    expect_error("del 1\n",
                 "SyntaxError: cannot delete literal",
                 1, 5);
}

Test(parser_errors, cannot_delete_starred)
{
    expect_error("del *a\n",
                 "SyntaxError: cannot delete starred",
                 1, 5);
}

Test(parser_errors, illegal_augmented_assignment_target)
{
    expect_error("(a, b) += 1\n",
                 "SyntaxError: 'tuple' is an illegal expression for augmented"
                 " assignment",
                 1, 1);
}

Test(parser_errors, illegal_augmented_assignment_call)
{
    expect_error("f(x) += 1\n",
                 "SyntaxError: 'function call' is an illegal expression for a"
                 "ugmented assignment",
                 1, 1);
}

Test(parser_errors, assignment_to_yield)
{
    expect_error("x = yield = 1\n",
                 "SyntaxError: assignment to yield expression not possible",
                 1, 5);
}

Test(parser_errors, only_single_target_annotated)
{
    expect_error("a, b: int = 1\n",
                 "SyntaxError: only single target (not tuple) can be annotate"
                 "d",
                 1, 1);
}

Test(parser_errors, only_single_target_list_annotated)
{
    expect_error("[a, b]: int\n",
                 "SyntaxError: only single target (not list) can be annotated",
                 1, 1);
}

Test(parser_errors, illegal_annotation_target)
{
    expect_error("f(): int\n",
                 "SyntaxError: illegal target for annotation",
                 1, 1);
}

Test(parser_errors, not_an_annotation_without_one)
{
    expect_error("f(x):\n    pass\n",
                 "SyntaxError: invalid syntax",
                 1, 5);
}

Test(parser_errors, expected_else_in_conditional)
{
    expect_error("x = 1 if y\n",
                 "SyntaxError: expected 'else' after 'if' expression",
                 1, 5);
}

Test(parser_errors, positional_follows_keyword)
{
    expect_error("f(a=1, b)\n",
                 "SyntaxError: positional argument follows keyword argument",
                 1, 9);
}

Test(parser_errors, positional_follows_keyword_unpacking)
{
    expect_error("f(**a, b)\n",
                 "SyntaxError: positional argument follows keyword argument u"
                 "npacking",
                 1, 9);
}

Test(parser_errors, iterable_unpacking_follows_keyword_unpacking)
{
    expect_error("f(**a, *b)\n",
                 "SyntaxError: iterable argument unpacking follows keyword ar"
                 "gument unpacking",
                 1, 8);
}

Test(parser_errors, generator_must_be_parenthesized)
{
    expect_error("f(a, b for b in c)\n",
                 "SyntaxError: Generator expression must be parenthesized",
                 1, 6);
}

Test(parser_errors, generator_with_trailing_comma)
{
    expect_error("f(x for x in y, )\n",
                 "SyntaxError: Generator expression must be parenthesized",
                 1, 3);
}

Test(parser_errors, expression_cannot_contain_assignment)
{
    expect_error("f(a.b=1)\n",
                 "SyntaxError: expression cannot contain assignment, perhaps "
                 "you meant \"==\"?",
                 1, 3);
}

Test(parser_errors, keyword_before_generator)
{
    expect_error("f(x=1 for x in y)\n",
                 "SyntaxError: invalid syntax. Maybe you meant '==' or ':=' i"
                 "nstead of '='?",
                 1, 3);
}

Test(parser_errors, non_default_after_default)
{
    expect_error("def f(a=1, b): pass\n",
                 "SyntaxError: non-default argument follows default argument",
                 1, 12);
}

Test(parser_errors, lambda_non_default_after_default)
{
    expect_error("lambda a=1, b: 0\n",
                 "SyntaxError: non-default argument follows default argument",
                 1, 13);
}

Test(parser_errors, named_arguments_after_bare_star)
{
    expect_error("def f(*): pass\n",
                 "SyntaxError: named arguments must follow bare *",
                 1, 7);
}

Test(parser_errors, named_arguments_after_bare_star_before_kwargs)
{
    expect_error("def f(*, **k): pass\n",
                 "SyntaxError: named arguments must follow bare *",
                 1, 7);
}

Test(parser_errors, star_argument_only_once)
{
    expect_error("def f(*a, *b): pass\n",
                 "SyntaxError: * argument may appear only once",
                 1, 11);
}

Test(parser_errors, arguments_after_var_keyword)
{
    expect_error("def f(**k, a): pass\n",
                 "SyntaxError: arguments cannot follow var-keyword argument",
                 1, 12);
}

Test(parser_errors, var_positional_default)
{
    expect_error("def f(*a=1): pass\n",
                 "SyntaxError: var-positional argument cannot have default va"
                 "lue",
                 1, 9);
}

Test(parser_errors, var_keyword_default)
{
    expect_error("def f(**k=1): pass\n",
                 "SyntaxError: var-keyword argument cannot have default value",
                 1, 10);
}

Test(parser_errors, expected_default_value)
{
    expect_error("def f(a=): pass\n",
                 "SyntaxError: expected default value expression",
                 1, 8);
}

Test(parser_errors, parenthesized_parameters)
{
    expect_error("def f(a, (b, c)): pass\n",
                 "SyntaxError: Function parameters cannot be parenthesized",
                 1, 10);
}

Test(parser_errors, starred_in_group)
{
    expect_error("x = (*a)\n",
                 "SyntaxError: cannot use starred expression here",
                 1, 6);
}

Test(parser_errors, double_starred_in_group)
{
    expect_error("x = (**a)\n",
                 "SyntaxError: cannot use double starred expression here",
                 1, 6);
}

Test(parser_errors, unpacking_in_comprehension)
{
    expect_error("[*x for x in z]\n",
                 "SyntaxError: iterable unpacking cannot be used in comprehen"
                 "sion",
                 1, 2);
}

Test(parser_errors, dict_unpacking_in_comprehension)
{
    expect_error("{**x for x in z}\n",
                 "SyntaxError: dict unpacking cannot be used in dict comprehe"
                 "nsion",
                 1, 2);
}

Test(parser_errors, comprehension_target_needs_parentheses)
{
    expect_error("[x, y for x in z]\n",
                 "SyntaxError: did you forget parentheses around the comprehe"
                 "nsion target?",
                 1, 2);
}

Test(parser_errors, starred_dict_value)
{
    expect_error("{1: *x}\n",
                 "SyntaxError: cannot use a starred expression in a dictionar"
                 "y value",
                 1, 5);
}

Test(parser_errors, dict_value_expected)
{
    expect_error("{1:}\n",
                 "SyntaxError: expression expected after dictionary key and '"
                 ":'",
                 1, 3);
}

Test(parser_errors, dict_colon_expected)
{
    expect_error("{1: 2, 3}\n",
                 "SyntaxError: ':' expected after dictionary key",
                 1, 8);
}

Test(parser_errors, dict_colon_expected_over_missing_comma)
{
    expect_error("x = {1: 2, 3 4: 5}\n",
                 "SyntaxError: ':' expected after dictionary key",
                 1, 12);
}

Test(parser_errors, multiple_exception_types)
{
    expect_error("try:\n    pass\nexcept X, Y:\n    pass\n",
                 "SyntaxError: multiple exception types must be parenthesized",
                 3, 8);
}

Test(parser_errors, expected_except_or_finally)
{
    expect_error("try:\n    pass\nx = 1\n",
                 "SyntaxError: expected 'except' or 'finally' block",
                 3, 1);
}

Test(parser_errors, trailing_comma_in_import)
{
    expect_error("from x import a,\n",
                 "SyntaxError: trailing comma not allowed without surrounding"
                 " parentheses",
                 1, 17);
}

Test(parser_errors, bytes_and_str_mixed)
{
    expect_error("x = \"a\" b\"b\"\n",
                 "SyntaxError: cannot mix bytes and nonbytes literals",
                 1, 13);
}

Test(parser_errors, bytes_non_ascii)
{
    expect_error("x = b\"\xc3""\xa9""\"\n",
                 "SyntaxError: bytes can only contain ASCII literal character"
                 "s",
                 1, -1);
}

Test(parser_errors, truncated_x_escape)
{
    expect_error("x = \"\\x4\"\n",
                 "SyntaxError: (unicode error) 'unicodeescape' codec can't de"
                 "code bytes in position 0-2: truncated \\xXX escape",
                 1, 10);
}

Test(parser_errors, truncated_u_escape)
{
    expect_error("x = \"\\u12\"\n",
                 "SyntaxError: (unicode error) 'unicodeescape' codec can't de"
                 "code bytes in position 0-3: truncated \\uXXXX escape",
                 1, 11);
}

Test(parser_errors, illegal_unicode_escape)
{
    expect_error("x = \"\\U00110000\"\n",
                 "SyntaxError: (unicode error) 'unicodeescape' codec can't de"
                 "code bytes in position 0-9: illegal Unicode character",
                 1, 17);
}

Test(parser_errors, bytes_invalid_x_escape)
{
    expect_error("x = b\"\\x4g\"\n",
                 "SyntaxError: (value error) invalid \\x escape at position 0",
                 1, 12);
}

Test(parser_errors, fstring_empty_expression)
{
    expect_error("x = f'{}'\n",
                 "SyntaxError: f-string: empty expression not allowed",
                 1, 10);
}

Test(parser_errors, fstring_whitespace_expression)
{
    expect_error("x = f'{ }'\n",
                 "SyntaxError: f-string: empty expression not allowed",
                 1, 11);
}

Test(parser_errors, fstring_expression_required_before_conversion)
{
    expect_error("x = f'{!r}'\n",
                 "SyntaxError: f-string: expression required before '!'",
                 1, 12);
}

Test(parser_errors, fstring_invalid_conversion)
{
    expect_error("x = f'{a!x}'\n",
                 "SyntaxError: f-string: invalid conversion character: expect"
                 "ed 's', 'r', or 'a'",
                 1, 13);
}

Test(parser_errors, fstring_expecting_brace)
{
    expect_error("x = f'{a'\n",
                 "SyntaxError: f-string: expecting '}'",
                 1, 10);
}

Test(parser_errors, fstring_expecting_brace_after_conversion)
{
    expect_error("x = f'{a!r x}'\n",
                 "SyntaxError: f-string: expecting '}'",
                 1, 15);
}

Test(parser_errors, fstring_single_close_brace)
{
    expect_error("x = f'}'\n",
                 "SyntaxError: f-string: single '}' is not allowed",
                 1, 9);
}

Test(parser_errors, fstring_single_close_brace_after_field)
{
    expect_error("x = f'{a}}'\n",
                 "SyntaxError: f-string: single '}' is not allowed",
                 1, 12);
}

Test(parser_errors, fstring_nested_too_deeply)
{
    expect_error("x = f'{a:{b:{c}}}'\n",
                 "SyntaxError: f-string: expressions nested too deeply",
                 1, 19);
}

Test(parser_errors, fstring_backslash_in_expression)
{
    expect_error("x = f'{\"\\n\"}'\n",
                 "SyntaxError: f-string expression part cannot include a back"
                 "slash",
                 1, 14);
}

Test(parser_errors, fstring_comment_in_expression)
{
    expect_error("x = f'{#}'\n",
                 "SyntaxError: f-string expression part cannot include '#'",
                 1, 11);
}

Test(parser_errors, fstring_unmatched_paren)
{
    expect_error("x = f'{a)}'\n",
                 "SyntaxError: f-string: unmatched ')'",
                 1, 12);
}

Test(parser_errors, fstring_mismatched_paren)
{
    expect_error("x = f'{a(]}'\n",
                 "SyntaxError: f-string: closing parenthesis ']' does not mat"
                 "ch opening parenthesis '('",
                 1, 13);
}

Test(parser_errors, fstring_unterminated_string_in_expression)
{
    expect_error("x = f'{\"a}'\n",
                 "SyntaxError: f-string: unterminated string",
                 1, 12);
}

Test(parser_errors, fstring_missing_comma)
{
    expect_error("x = f'{a b}'\n",
                 "SyntaxError: f-string: invalid syntax. Perhaps you forgot a"
                 " comma?",
                 1, -1);
}

Test(parser_errors, fstring_starred_expression)
{
    expect_error("x = f'{*a}'\n",
                 "SyntaxError: f-string: cannot use starred expression here",
                 1, -1);
}

Test(parser_errors, return_outside_function)
{
    expect_error("return 1\n",
                 "SyntaxError: 'return' outside function",
                 1, 1);
}

Test(parser_errors, return_in_class_body)
{
    expect_error("class A:\n    return 1\n",
                 "SyntaxError: 'return' outside function",
                 2, 5);
}

Test(parser_errors, yield_outside_function)
{
    expect_error("yield 1\n",
                 "SyntaxError: 'yield' outside function",
                 1, 1);
}

Test(parser_errors, yield_in_class_body)
{
    expect_error("class A:\n    x = yield\n",
                 "SyntaxError: 'yield' outside function",
                 2, 9);
}

Test(parser_errors, break_outside_loop)
{
    expect_error("break\n",
                 "SyntaxError: 'break' outside loop",
                 1, 1);
}

Test(parser_errors, break_in_function_in_loop)
{
    expect_error("for x in y:\n    def f():\n        break\n",
                 "SyntaxError: 'break' outside loop",
                 3, 9);
}

Test(parser_errors, break_in_loop_else)
{
    expect_error("for x in y:\n    pass\nelse:\n    break\n",
                 "SyntaxError: 'break' outside loop",
                 4, 5);
}

Test(parser_errors, continue_not_in_loop)
{
    expect_error("continue\n",
                 "SyntaxError: 'continue' not properly in loop",
                 1, 1);
}

Test(parser_errors, starred_target_alone)
{
    expect_error("*a = 1\n",
                 "SyntaxError: starred assignment target must be in a list or"
                 " tuple",
                 1, 1);
}

Test(parser_errors, multiple_starred_targets)
{
    expect_error("*a, *b = 1\n",
                 "SyntaxError: multiple starred expressions in assignment",
                 1, 1);
}

Test(parser_errors, starred_for_target_alone)
{
    expect_error("for *x in z: pass\n",
                 "SyntaxError: starred assignment target must be in a list or"
                 " tuple",
                 1, 5);
}

Test(parser_errors, starred_expression_alone)
{
    expect_error("x = *a\n",
                 "SyntaxError: can't use starred expression here",
                 1, 5);
}

Test(parser_errors, duplicate_parameter)
{
    expect_error("def f(a, a): pass\n",
                 "SyntaxError: duplicate argument 'a' in function definition",
                 1, 10);
}

Test(parser_errors, repeated_keyword_argument)
{
    expect_error("f(x=1, x=2)\n",
                 "SyntaxError: keyword argument repeated: x",
                 1, 8);
}

Test(parser_errors, default_except_not_last)
{
    expect_error("try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    "
                 "pass\n",
                 "SyntaxError: default 'except:' must be last",
                 3, 1);
}

Test(parser_errors, nonlocal_at_module_level)
{
    expect_error("nonlocal x\n",
                 "SyntaxError: nonlocal declaration not allowed at module lev"
                 "el",
                 1, 1);
}

Test(parser_errors, import_star_in_function)
{
    expect_error("def f():\n    from m import *\n",
                 "SyntaxError: import * only allowed at module level",
                 2, 19);
}

Test(parser_errors, yield_in_list_comprehension)
{
    expect_error("def f():\n    return [(yield) for x in y]\n",
                 "SyntaxError: 'yield' inside list comprehension",
                 2, 14);
}

Test(parser_errors, compile_errors_wait_for_syntax_errors)
{
    expect_error("return 1\nx = (\n",
                 "SyntaxError: '(' was never closed",
                 2, 5);
}

Test(parser_errors, too_many_nested_parentheses)
{
    expect_error("x = ((((((((((((((((((((((((((((((((((((((((((((((((((((((("
                 "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
                 "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
                 "((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))"
                 ")))))))))))))))))))))))))))))))))))))))))))))))))))))))))))"
                 ")))))))))))))))))))))))))))))))))))))))))))))))))))))))))))"
                 ")))))))))))))))))))))))))))))))))))))))))))))))))))))\n",
                 "SyntaxError: too many nested parentheses",
                 1, -1);
}

Test(parser_errors, too_many_levels_of_indentation)
{
    expect_error("if x:\n if x:\n  if x:\n   if x:\n    if x:\n     if x:\n  "
                 "    if x:\n       if x:\n        if x:\n         if x:\n   "
                 "       if x:\n           if x:\n            if x:\n        "
                 "     if x:\n              if x:\n               if x:\n    "
                 "            if x:\n                 if x:\n                "
                 "  if x:\n                   if x:\n                    if x"
                 ":\n                     if x:\n                      if x:"
                 "\n                       if x:\n                        if "
                 "x:\n                         if x:\n                       "
                 "   if x:\n                           if x:\n               "
                 "             if x:\n                             if x:\n   "
                 "                           if x:\n                         "
                 "      if x:\n                                if x:\n       "
                 "                          if x:\n                          "
                 "        if x:\n                                   if x:\n  "
                 "                                  if x:\n                  "
                 "                   if x:\n                                 "
                 "     if x:\n                                       if x:\n "
                 "                                       if x:\n             "
                 "                            if x:\n                        "
                 "                  if x:\n                                  "
                 "         if x:\n                                           "
                 " if x:\n                                             if x:"
                 "\n                                              if x:\n    "
                 "                                           if x:\n         "
                 "                                       if x:\n             "
                 "                                    if x:\n                "
                 "                                  if x:\n                  "
                 "                                 if x:\n                   "
                 "                                 if x:\n                   "
                 "                                  if x:\n                  "
                 "                                    if x:\n                "
                 "                                       if x:\n             "
                 "                                           if x:\n         "
                 "                                                if x:\n    "
                 "                                                      if x:"
                 "\n                                                         "
                 "  if x:\n                                                  "
                 "          if x:\n                                          "
                 "                   if x:\n                                 "
                 "                             if x:\n                       "
                 "                                        if x:\n            "
                 "                                                    if x:\n"
                 "                                                           "
                 "      if x:\n                                              "
                 "                    if x:\n                                "
                 "                                   if x:\n                 "
                 "                                                   if x:\n "
                 "                                                           "
                 "         if x:\n                                           "
                 "                           if x:\n                         "
                 "                                              if x:\n      "
                 "                                                           "
                 "       if x:\n                                             "
                 "                            if x:\n                        "
                 "                                                  if x:\n  "
                 "                                                           "
                 "              if x:\n                                      "
                 "                                      if x:\n              "
                 "                                                           "
                 "    if x:\n                                                "
                 "                              if x:\n                      "
                 "                                                         if"
                 " x:\n                                                      "
                 "                          if x:\n                          "
                 "                                                       if x"
                 ":\n                                                        "
                 "                          if x:\n                          "
                 "                                                         if"
                 " x:\n                                                      "
                 "                              if x:\n                      "
                 "                                                           "
                 "    if x:\n                                                "
                 "                                      if x:\n              "
                 "                                                           "
                 "              if x:\n                                      "
                 "                                                  if x:\n  "
                 "                                                           "
                 "                            if x:\n                        "
                 "                                                           "
                 "       if x:\n                                             "
                 "                                              if x:\n      "
                 "                                                           "
                 "                           if x:\n                         "
                 "                                                           "
                 "         if x:\n                                           "
                 "                                                   if x:\n "
                 "                                                           "
                 "                                   if x:\n                 "
                 "                                                           "
                 "                    if x:\n                                "
                 "                                                           "
                 "      if x:\n                                              "
                 "                                                    if x:\n"
                 "                                                           "
                 "                                        if x:\n            "
                 "                                                           "
                 "                             if x:\n                       "
                 "                                                           "
                 "                   pass\n",
                 "IndentationError: too many levels of indentation",
                 101, 1);
}

Test(parser_errors, unexpected_indent_wins_over_later_lexer_error)
{
    expect_error("x = 1\n    y = 2\nz = \"abc\n",
                 "IndentationError: unexpected indent",
                 2, 4);
}

Test(parser_errors, yield_in_comprehension_at_module_level)
{
    expect_error("[(yield) for x in y]\n",
                 "SyntaxError: 'yield' inside list comprehension",
                 1, 3);
}

Test(parser_errors, yield_in_generator_expression_element)
{
    expect_error("def f():\n    return ((yield) for x in y)\n",
                 "SyntaxError: 'yield' inside generator expression",
                 2, 14);
}

Test(parser_errors, bare_star_after_keyword_argument)
{
    expect_error("f(a=1, *)\n",
                 "SyntaxError: iterable argument unpacking follows keyword ar"
                 "gument unpacking",
                 1, 8);
}

Test(parser_errors, with_item_missing_colon)
{
    expect_error("with a as b\n    pass\n",
                 "SyntaxError: expected ':'",
                 1, 12);
}

Test(parser_errors, return_annotation_missing)
{
    expect_error("def f() -> *None:\n    pass\n",
                 "SyntaxError: expected ':'",
                 1, 9);
}

Test(parser_errors, non_default_parameter_needs_a_separator)
{
    expect_error("def f(a=1, b@c): pass\n",
                 "SyntaxError: invalid syntax",
                 1, 13);
}

Test(parser_errors, dict_key_that_does_not_parse)
{
    expect_error("x = {1: 2, 'a' in: 3}\n",
                 "SyntaxError: ':' expected after dictionary key",
                 1, 14);
}

Test(parser_errors, comment_before_newline_is_in_the_error_token)
{
    expect_error("if # comment\n",
                 "SyntaxError: invalid syntax",
                 1, 4);
}

