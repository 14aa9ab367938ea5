/*
 * parser.c - recursive descent parser for sigvm's Python subset.
 *
 * The grammar and the error messages are CPython 3.11's
 * (Grammar/python.gram).  CPython's PEG parser runs twice: a fast pass, and
 * when that fails a second pass with extra "invalid_" rules that find a
 * precise message.  Here the second pass is folded into the first: where
 * a rule would fail, the parser looks at what it has and picks the message
 * CPython's invalid_ rule would give.  Targets of assignments are parsed
 * as expressions and checked afterwards, as CPython's messages are phrased
 * in terms of the expression found ("cannot assign to function call").
 *
 * Errors: the first error recorded wins and every function returns NULL
 * (or false) after it.  Errors that CPython only finds in its compiler
 * ('return' outside function, ...) are "deferred": they are reported only
 * if the whole parse succeeds, as CPython reports them only then.
 */
#define _POSIX_C_SOURCE 200809L
#include "parser.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer.h"

/* What the statements being parsed are nested in, for the checks CPython
 * makes in its compiler. */
typedef struct Scope {
    bool in_function;       /* def or lambda */
    bool at_module;         /* directly at module level */
    int loops;              /* enclosing loops within the function */
    bool *is_generator;     /* flag of the enclosing function */
    const char *comp;       /* "list comprehension", ... while inside one */
} Scope;

typedef struct Parser {
    AstArena *arena;
    const Lexer *text_lx;   /* owns the source: lines for error messages */
    Lexer *lx;              /* produced `toks` */
    LexToken *toks;
    size_t ntoks, pos;
    /* The furthest token looked at, overall (`fill`, as CPython's) and
     * outside of parsing ahead for a better message (`max_pos`, CPython's
     * first pass: where generic errors are reported). */
    size_t fill, max_pos;
    const char *filename;
    SyntaxErrorInfo *err;
    bool failed;
    int depth;
    Scope scope;
    SyntaxErrorInfo deferred;
    bool in_fstring;        /* parsing a replacement field of an f-string */
    /* The replacement field being parsed: its text, and where it starts. */
    const char *field, *field_end;
    int field_lineno, field_col;
    int string_col;         /* column of the string token holding it */
    /* Where line_of() stopped in the string token `scan_tok`. */
    const LexToken *scan_tok;
    const char *scan_pos, *scan_line_start;
    int scan_line;
    AstNode *pending_yield; /* first yield since the last comprehension check */
    const AstNode *deferred_node;   /* the node `deferred` is about */
    /* The recorded error is at the end of the input: for the REPL, more
     * input might have fixed it. */
    bool error_at_end;
    /* The recorded error is "unexpected indent" or "unexpected unindent",
     * which CPython never replaces by a lexer error further on. */
    bool error_is_indent;
    /* The recorded error is the generic one: no rule matched, as opposed
     * to a rule that found a specific mistake. */
    bool error_is_generic;
    /* Nonzero while parsing the second of two juxtaposed expressions
     * (CPython's expression_without_invalid): no juxtaposition checks
     * then, except inside list and set displays, where CPython 3.11 does
     * report them (an effect of its memoization, reproduced as seen). */
    int no_invalid;
    /* Token positions where error_juxtaposed found nothing to say, one bit
     * per kind of left operand (juxt_memo_slot).  Without it a nest of
     * displays such as `x = i{i{i{...` re-parses the rest of the input
     * twice per level, which takes exponential time.  Arena memory, for
     * the token array `juxt_memo_toks` only. */
    uint8_t *juxt_memo;
    const LexToken *juxt_memo_toks;
} Parser;

typedef struct NodeVec {
    AstNode **items;
    size_t count, cap;
} NodeVec;

/* ------------------------------------------------------------------ */
/* Errors                                                              */
/* ------------------------------------------------------------------ */

/* Record an error with CPython's 1-based character offsets, unless one
 * is recorded already. */
/* CPython 3.11 parses an f-string's replacement field as the separate
 * text "(field)", and its errors show that text, with columns counted in
 * it.  Rewrite `err` (located in the file) that way; `chars` says whether
 * its offsets count characters rather than bytes. */
static void relocate_to_field(const Parser *p, SyntaxErrorInfo *err, bool chars)
{
    if (err->lineno != p->field_lineno) {
        /* Later lines of a multi-line field keep their text, and CPython
         * shifts their columns by the string's, often off the line. */
        err->offset -= p->string_col;
        err->end_offset = 0;
        return;
    }
    size_t n = (size_t)(p->field_end - p->field);
    char *text = malloc(n + 3);
    if (!text)
        return;
    text[0] = '(';
    memcpy(text + 1, p->field, n);
    text[n + 1] = ')';
    text[n + 2] = '\0';
    free(err->text);
    err->text = text;
    const char *line_start = p->field - p->field_col;
    int shift = chars ? lex_char_offset(line_start, (size_t)p->field_col) : p->field_col;
    if (err->offset > 0)
        err->offset -= shift - 1;
    if (err->end_offset > 0 && err->end_lineno == err->lineno)
        err->end_offset -= shift - 1;
}

static void raise_raw(Parser *p, SyntaxErrorKind kind, int lineno, int offset,
                      int end_lineno, int end_offset, const char *msg)
{
    if (p->failed)
        return;
    p->failed = true;
    size_t len = 0;
    const char *line = lex_line(p->text_lx, lineno, &len);
    ast_error_set(p->err, kind, p->filename, lineno, offset, end_lineno,
                  end_offset, line, line ? line + len : NULL, "%s%s",
                  p->in_fstring && kind == SYNTAX_ERR_SYNTAX ? "f-string: " : "",
                  msg);
    if (p->in_fstring)
        relocate_to_field(p, p->err, false);
}

/* The 1-based offset CPython 3.11 reports for byte column `col`.  Its
 * parser converts columns to characters only for files that declare an
 * encoding, so for sigvm's (UTF-8, undeclared) sources the offset counts
 * bytes; only the tokenizer's own errors count characters. */
static int cpython_offset(int col)
{
    return col < 0 ? 0 : col + 1;
}

static void raise_cols(Parser *p, SyntaxErrorKind kind, int lineno, int col,
                       int end_lineno, int end_col, const char *msg)
{
    raise_raw(p, kind, lineno, cpython_offset(col), end_lineno,
              cpython_offset(end_col), msg);
}

#define FORMAT_MSG(buf, fmt)                                                  \
    char buf[256];                                                            \
    do {                                                                      \
        va_list ap;                                                           \
        va_start(ap, fmt);                                                    \
        vsnprintf(buf, sizeof buf, fmt, ap);                                  \
        va_end(ap);                                                           \
    } while (0)

/* Whether token `t` of the current array is the ENDMARKER or a DEDENT
 * that only closes blocks at the end of the input. */
static bool at_eof(const Parser *p, const LexToken *t)
{
    for (size_t i = (size_t)(t - p->toks); i < p->ntoks; i++)
        if (p->toks[i].kind != LEX_DEDENT && p->toks[i].kind != LEX_ENDMARKER)
            return false;
    return true;
}

/* An error located at a token.  INDENT, DEDENT and ENDMARKER have no
 * text, and CPython places those errors where its reader stands: in the
 * indentation, or at the end of the input.  At the end of a file that
 * means no caret; at the end of a -c string (filename "<string>") just
 * past the last line. */
static void raise_tok_kind(Parser *p, SyntaxErrorKind kind, const LexToken *t,
                           const char *msg)
{
    if (!p->failed && !p->in_fstring)
        p->error_at_end = t->kind == LEX_ERROR || at_eof(p, t);
    if ((t->kind == LEX_DEDENT || t->kind == LEX_ENDMARKER) && !p->in_fstring &&
        at_eof(p, t)) {
        size_t len = 0;
        const char *line = lex_line(p->text_lx, t->lineno, &len);
        int offset = 0;
        if (line && p->filename && strcmp(p->filename, "<string>") == 0)
            offset = (int)len + 1;
        raise_raw(p, kind, t->lineno, offset, t->lineno, 0, msg);
    } else if (t->kind == LEX_INDENT || t->kind == LEX_DEDENT)
        raise_raw(p, kind, t->lineno, cpython_offset(t->col) - 1,
                  t->lineno, 0, msg);
    else
        raise_cols(p, kind, t->lineno, t->col, t->end_lineno, t->end_col, msg);
}

static void error_tok(Parser *p, const LexToken *t, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void error_tok(Parser *p, const LexToken *t, const char *fmt, ...)
{
    FORMAT_MSG(msg, fmt);
    raise_tok_kind(p, SYNTAX_ERR_SYNTAX, t, msg);
}

/* CPython's RAISE_SYNTAX_ERROR: at the last token the parser looked at. */
static void error_here(Parser *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void error_here(Parser *p, const char *fmt, ...)
{
    FORMAT_MSG(msg, fmt);
    raise_tok_kind(p, SYNTAX_ERR_SYNTAX, &p->toks[p->pos], msg);
}

static void error_node(Parser *p, const AstNode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void error_node(Parser *p, const AstNode *n, const char *fmt, ...)
{
    FORMAT_MSG(msg, fmt);
    raise_cols(p, SYNTAX_ERR_SYNTAX, n->lineno, n->col_offset, n->end_lineno,
               n->end_col_offset, msg);
}

/* From (lineno, col) to (end_lineno, end_col), byte columns. */
static void error_span(Parser *p, int lineno, int col, int end_lineno,
                       int end_col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
static void error_span(Parser *p, int lineno, int col, int end_lineno,
                       int end_col, const char *fmt, ...)
{
    FORMAT_MSG(msg, fmt);
    raise_cols(p, SYNTAX_ERR_SYNTAX, lineno, col, end_lineno, end_col, msg);
}

/* From the start of node `a` to (end_lineno, end_col). */
static void error_range(Parser *p, const AstNode *a, int end_lineno,
                        int end_col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void error_range(Parser *p, const AstNode *a, int end_lineno,
                        int end_col, const char *fmt, ...)
{
    FORMAT_MSG(msg, fmt);
    raise_cols(p, SYNTAX_ERR_SYNTAX, a->lineno, a->col_offset, end_lineno,
               end_col, msg);
}

static void error_indent(Parser *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void error_indent(Parser *p, const char *fmt, ...)
{
    FORMAT_MSG(msg, fmt);
    raise_tok_kind(p, SYNTAX_ERR_INDENTATION, &p->toks[p->pos], msg);
}

/* The error when no rule matches, placed as CPython places it: at the
 * furthest token looked at.  Indentation tokens, and tokens of constructs
 * outside sigvm's subset, get their own messages. */
static void error_generic(Parser *p)
{
    if (!p->failed)
        p->error_is_generic = true;
    const LexToken *t = &p->toks[p->max_pos > p->pos ? p->max_pos : p->pos];
    switch (t->kind) {
    case LEX_INDENT:
    case LEX_DEDENT:
        if (!p->failed)
            p->error_is_indent = true;
        raise_tok_kind(p, SYNTAX_ERR_INDENTATION, t, t->kind == LEX_INDENT
                           ? "unexpected indent" : "unexpected unindent");
        break;
    case LEX_COLONEQUAL:
        error_tok(p, t, "assignment expressions (':=') are not supported by sigvm");
        break;
    case LEX_ASYNC:
        error_tok(p, t, "'async' is not supported by sigvm");
        break;
    case LEX_AWAIT:
        error_tok(p, t, "'await' is not supported by sigvm");
        break;
    default:
        error_tok(p, t, "invalid syntax");
    }
}

/* A compile-time error: kept, and reported only if parsing succeeds. */
static void defer_error(Parser *p, const AstNode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void defer_error(Parser *p, const AstNode *n, const char *fmt, ...)
{
    if (p->deferred.kind != SYNTAX_ERR_NONE || p->failed)
        return;
    p->deferred_node = n;
    FORMAT_MSG(msg, fmt);
    size_t len = 0;
    const char *line = lex_line(p->text_lx, n->lineno, &len);
    ast_error_set(&p->deferred, SYNTAX_ERR_SYNTAX, p->filename, n->lineno,
                  cpython_offset(n->col_offset), n->end_lineno,
                  cpython_offset(n->end_col_offset), line,
                  line ? line + len : NULL, "%s", msg);
}

/* ------------------------------------------------------------------ */
/* Tokens, nodes, lists                                                */
/* ------------------------------------------------------------------ */

static inline LexToken *cur(Parser *p) { return &p->toks[p->pos]; }
static inline LexKind kind(Parser *p) { return p->toks[p->pos].kind; }
static inline LexToken *prev(Parser *p) { return &p->toks[p->pos ? p->pos - 1 : 0]; }

static LexToken *peek(Parser *p, size_t n)
{
    size_t i = p->pos + n;
    if (i >= p->ntoks)
        i = p->ntoks - 1;
    if (i > p->max_pos)
        p->max_pos = i;
    if (i > p->fill)
        p->fill = i;
    return &p->toks[i];
}

static void advance(Parser *p)
{
    if (p->pos + 1 < p->ntoks) {
        p->pos++;
        if (p->pos > p->max_pos)
            p->max_pos = p->pos;
        if (p->pos > p->fill)
            p->fill = p->pos;
    }
}

static bool accept(Parser *p, LexKind k)
{
    if (kind(p) != k)
        return false;
    advance(p);
    return true;
}

/* Consume `k` or fail with the generic error. */
static bool expect(Parser *p, LexKind k)
{
    if (accept(p, k))
        return true;
    error_generic(p);
    return false;
}

/* CPython's &&'x': a token that must follow, with "expected 'x'". */
static bool expect_forced(Parser *p, LexKind k, const char *text)
{
    if (accept(p, k))
        return true;
    error_here(p, "expected '%s'", text);
    return false;
}

static void out_of_memory(Parser *p)
{
    if (p->err->kind == SYNTAX_ERR_MEMORY)
        return;
    p->failed = true;
    ast_error_set(p->err, SYNTAX_ERR_MEMORY, p->filename, 0, 0, 0, 0,
                  NULL, NULL, "out of memory");
}

static void *palloc(Parser *p, size_t size)
{
    void *m = ast_arena_alloc(p->arena, size);
    if (!m)
        out_of_memory(p);
    return m;
}

static char *pstrndup(Parser *p, const char *s, size_t len)
{
    char *d = palloc(p, len + 1);
    if (d) {
        memcpy(d, s, len);
        d[len] = '\0';
    }
    return d;
}

/* A node that starts at (lineno, col) and ends with the last consumed
 * token. */
static AstNode *new_node(Parser *p, AstKind k, int lineno, int col)
{
    const LexToken *e = prev(p);
    AstNode *n = palloc(p, sizeof *n);
    if (!n)
        return NULL;
    n->kind = k;
    n->lineno = lineno;
    n->col_offset = col;
    n->end_lineno = e->end_lineno;
    n->end_col_offset = e->end_col;
    return n;
}

static AstNode *node_tok(Parser *p, AstKind k, const LexToken *start)
{
    return new_node(p, k, start->lineno, start->col);
}

static AstNode *node_from(Parser *p, AstKind k, const AstNode *start)
{
    return new_node(p, k, start->lineno, start->col_offset);
}

static void end_at(AstNode *n, const AstNode *last)
{
    n->end_lineno = last->end_lineno;
    n->end_col_offset = last->end_col_offset;
}

static bool vec_push(Parser *p, NodeVec *v, AstNode *n)
{
    if (v->count == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 4;
        AstNode **items = palloc(p, cap * sizeof *items);
        if (!items)
            return false;
        if (v->count)
            memcpy(items, v->items, v->count * sizeof *items);
        v->items = items;
        v->cap = cap;
    }
    v->items[v->count++] = n;
    return true;
}

static AstNodeList vec_list(NodeVec v)
{
    return (AstNodeList){ v.items, v.count };
}

static AstNodeList list1(Parser *p, AstNode *n)
{
    NodeVec v = { 0 };
    vec_push(p, &v, n);
    return vec_list(v);
}

/* Bound the recursion: every rule that can recurse without consuming a
 * bracket enters and leaves (expressions, unary operators, `not`, `**`,
 * statements).  Recursion through brackets needs no count of its own:
 * the lexer allows at most LEX_MAXLEVEL open brackets, and each level
 * passes through parse_expression anyway. */
static bool enter(Parser *p)
{
    if (++p->depth > PARSE_MAX_NESTING) {
        error_here(p, "too many levels of nesting");
        return false;
    }
    return true;
}

static void leave(Parser *p) { p->depth--; }

static bool chain_ok(Parser *p, size_t n)
{
    if (n <= PARSE_MAX_CHAIN)
        return true;
    error_here(p, "too many levels of nesting");
    return false;
}

static bool tok_is_name(const LexToken *t, const char *s)
{
    return t->kind == LEX_NAME && t->len == strlen(s) &&
           memcmp(t->start, s, t->len) == 0;
}

static AstNode *make_name(Parser *p, const LexToken *t, AstContext ctx)
{
    AstNode *n = new_node(p, AST_NAME, t->lineno, t->col);
    if (!n)
        return NULL;
    n->end_lineno = t->end_lineno;
    n->end_col_offset = t->end_col;
    n->v.name.id = pstrndup(p, t->start, t->len);
    n->v.name.ctx = ctx;
    return n->v.name.id ? n : NULL;
}

/* An identifier token's text, or NULL with the generic error. */
static const char *expect_name(Parser *p)
{
    if (kind(p) != LEX_NAME) {
        error_generic(p);
        return NULL;
    }
    const LexToken *t = cur(p);
    advance(p);
    return pstrndup(p, t->start, t->len);
}

/* Whether a token can begin an expression. */
static bool starts_expression(LexKind k)
{
    switch (k) {
    case LEX_NAME: case LEX_NUMBER: case LEX_STRING: case LEX_LPAR:
    case LEX_LSQB: case LEX_LBRACE: case LEX_MINUS: case LEX_PLUS:
    case LEX_TILDE: case LEX_NOT: case LEX_LAMBDA: case LEX_NONE:
    case LEX_TRUE: case LEX_FALSE: case LEX_ELLIPSIS: case LEX_AWAIT:
        return true;
    default:
        return false;
    }
}

/* ------------------------------------------------------------------ */
/* Targets                                                             */
/* ------------------------------------------------------------------ */

/* What CPython's messages call an expression (_PyPegen_get_expr_name). */
static const char *expr_name(const AstNode *e)
{
    switch (e->kind) {
    case AST_ATTRIBUTE: return "attribute";
    case AST_SUBSCRIPT: return "subscript";
    case AST_STARRED: return "starred";
    case AST_NAME: return "name";
    case AST_LIST: return "list";
    case AST_TUPLE: return "tuple";
    case AST_LAMBDA: return "lambda";
    case AST_CALL: return "function call";
    case AST_BOOL_OP: case AST_BIN_OP: case AST_UNARY_OP: return "expression";
    case AST_GENERATOR_EXP: return "generator expression";
    case AST_YIELD: case AST_YIELD_FROM: return "yield expression";
    case AST_LIST_COMP: return "list comprehension";
    case AST_SET_COMP: return "set comprehension";
    case AST_DICT_COMP: return "dict comprehension";
    case AST_DICT: return "dict literal";
    case AST_SET: return "set display";
    case AST_JOINED_STR: case AST_FORMATTED_VALUE: return "f-string expression";
    case AST_COMPARE: return "comparison";
    case AST_IF_EXP: return "conditional expression";
    case AST_CONSTANT:
        switch (e->v.constant.kind) {
        case AST_CONST_NONE: return "None";
        case AST_CONST_TRUE: return "True";
        case AST_CONST_FALSE: return "False";
        case AST_CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    default: return "expression";
    }
}

typedef enum TargetsType { STAR_TARGETS, DEL_TARGETS, FOR_TARGETS } TargetsType;

/* The first sub-expression that cannot be a target, or NULL if there is
 * none (_PyPegen_get_invalid_target). */
static const AstNode *invalid_target(const AstNode *e, TargetsType type)
{
    switch (e->kind) {
    case AST_LIST:
    case AST_TUPLE:
        for (size_t i = 0; i < e->v.seq.elts.count; i++) {
            const AstNode *c = invalid_target(e->v.seq.elts.items[i], type);
            if (c)
                return c;
        }
        return NULL;
    case AST_STARRED:
        if (type == DEL_TARGETS)
            return e;
        return invalid_target(e->v.starred.value, type);
    case AST_COMPARE:
        /* `for a in b` in an error path parses as a comparison. */
        if (type == FOR_TARGETS) {
            if (e->v.compare.ops[0] == AST_CMP_IN)
                return invalid_target(e->v.compare.left, type);
            return NULL;
        }
        return e;
    case AST_NAME:
    case AST_SUBSCRIPT:
    case AST_ATTRIBUTE:
        return NULL;
    default:
        return e;
    }
}

/* Report an invalid target found in `e`, as CPython's
 * RAISE_SYNTAX_ERROR_INVALID_TARGET. */
static void error_invalid_target(Parser *p, const AstNode *e, TargetsType type)
{
    const AstNode *bad = invalid_target(e, type);
    if (!bad)
        error_here(p, "invalid syntax");
    else if (type == DEL_TARGETS)
        error_node(p, bad, "cannot delete %s", expr_name(bad));
    else
        error_node(p, bad, "cannot assign to %s", expr_name(bad));
}

/* Mark a valid target as stored or deleted, all the way down. */
static void set_context(AstNode *e, AstContext ctx)
{
    switch (e->kind) {
    case AST_NAME: e->v.name.ctx = ctx; break;
    case AST_ATTRIBUTE: e->v.attribute.ctx = ctx; break;
    case AST_SUBSCRIPT: e->v.subscript.ctx = ctx; break;
    case AST_STARRED:
        e->v.starred.ctx = ctx;
        set_context(e->v.starred.value, ctx);
        break;
    case AST_LIST:
    case AST_TUPLE:
        e->v.seq.ctx = ctx;
        for (size_t i = 0; i < e->v.seq.elts.count; i++)
            set_context(e->v.seq.elts.items[i], ctx);
        break;
    default:
        break;
    }
}

/* The compiler's rules for starred targets: one per tuple or list, and
 * never alone. */
static void check_starred_targets(Parser *p, const AstNode *t)
{
    if (t->kind == AST_STARRED) {
        defer_error(p, t, "starred assignment target must be in a list or tuple");
        return;
    }
    if (t->kind != AST_LIST && t->kind != AST_TUPLE)
        return;
    bool seen = false;
    for (size_t i = 0; i < t->v.seq.elts.count; i++) {
        const AstNode *e = t->v.seq.elts.items[i];
        if (e->kind == AST_STARRED) {
            if (seen) {
                defer_error(p, t, "multiple starred expressions in assignment");
                return;
            }
            seen = true;
            check_starred_targets(p, e->v.starred.value);
        } else
            check_starred_targets(p, e);
    }
}

/* Validate and mark an assignment (or for/with/comprehension) target. */
static bool store_target(Parser *p, AstNode *e, TargetsType type)
{
    if (invalid_target(e, type)) {
        error_invalid_target(p, e, type);
        return false;
    }
    set_context(e, AST_CTX_STORE);
    check_starred_targets(p, e);
    return true;
}

/* Load-context starred expressions are only allowed inside displays and
 * calls; elsewhere the compiler rejects them. */
static void check_not_starred(Parser *p, const AstNode *e)
{
    if (e && e->kind == AST_STARRED)
        defer_error(p, e, "can't use starred expression here");
}

/* ------------------------------------------------------------------ */
/* Expressions                                                         */
/* ------------------------------------------------------------------ */

static AstNode *parse_expression(Parser *p);
static AstNode *parse_named_expression(Parser *p);
static AstNode *parse_star_expressions(Parser *p);
static AstNode *parse_star_named_expression(Parser *p);
static AstNode *parse_disjunction(Parser *p);
static AstNode *parse_bitwise_or(Parser *p);
static AstNode *parse_factor(Parser *p);
static AstNode *parse_yield_expr(Parser *p);
static AstNode *parse_atom(Parser *p);
static AstNode *parse_strings(Parser *p);
static AstNode *parse_parameters(Parser *p, bool lambda);
static AstNode *parse_slice(Parser *p);
static bool parse_for_if_clauses(Parser *p, NodeVec *gens, const char *what);

/* Forget a recorded error, to replace it by a better one.  Memory errors
 * stay. */
static void reset_error(Parser *p)
{
    if (p->err->kind == SYNTAX_ERR_MEMORY)
        return;
    ast_error_clear(p->err);
    p->failed = false;
    p->error_is_generic = p->error_is_indent = p->error_at_end = false;
}

/* After parsing ahead to find a better message failed: the generic error
 * where the parser stood, with the furthest token as before. */
static void fall_back_to_generic(Parser *p, size_t pos, size_t max_pos)
{
    reset_error(p);
    p->pos = pos;
    p->max_pos = max_pos;
    error_generic(p);
}

/* Whether a failed parse ahead raised a specific error that should be
 * reported as it is. */
static bool specific_error(const Parser *p)
{
    return p->failed && !p->error_is_generic;
}

/* Whether CPython's `bitwise_or` rule could have produced `e`. */
static bool is_bitwise_or_level(const AstNode *e)
{
    if (e->parenthesized)
        return true;
    switch (e->kind) {
    case AST_BOOL_OP: case AST_COMPARE: case AST_IF_EXP: case AST_LAMBDA:
    case AST_STARRED: case AST_YIELD: case AST_YIELD_FROM:
        return false;
    case AST_UNARY_OP:
        return e->v.unary_op.op != AST_UNARY_NOT;
    default:
        return true;
    }
}

/* CPython's `!(list|tuple|genexp|'True'|'None'|'False')` lookahead. */
static bool is_display_or_singleton(const AstNode *e)
{
    if (e->parenthesized)
        return false;
    if (e->kind == AST_LIST || e->kind == AST_TUPLE ||
        e->kind == AST_GENERATOR_EXP)
        return true;
    return e->kind == AST_CONSTANT && (e->v.constant.kind == AST_CONST_TRUE ||
                                       e->v.constant.kind == AST_CONST_FALSE ||
                                       e->v.constant.kind == AST_CONST_NONE);
}

/* `e` followed by '=' where a named expression is wanted (an `if`
 * condition, a list element, ...): CPython's invalid_named_expression. */
static void error_named_assignment(Parser *p, AstNode *e)
{
    size_t eq_pos = p->pos, max_pos = p->max_pos;
    bool name = e->kind == AST_NAME && !e->parenthesized;
    if (!name && (!is_bitwise_or_level(e) || is_display_or_singleton(e))) {
        error_generic(p);
        return;
    }
    advance(p);
    AstNode *b = parse_bitwise_or(p);
    if (specific_error(p))
        return;
    if (!b || kind(p) == LEX_EQUAL || kind(p) == LEX_COLONEQUAL)
        fall_back_to_generic(p, eq_pos, max_pos);
    else if (name)
        error_range(p, e, b->end_lineno, b->end_col_offset,
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    else
        error_node(p, e, "cannot assign to %s here. Maybe you meant '==' "
                         "instead of '='?", expr_name(e));
}

/* CPython 3.11 tests for a soft keyword with strncmp(keyword, name,
 * len(name)), so any prefix of one counts: `m`, `ca`, ... */
static bool is_soft_keyword(const LexToken *t)
{
    static const char *const soft[] = { "_", "case", "match" };
    if (t->kind != LEX_NAME)
        return false;
    for (size_t i = 0; i < sizeof soft / sizeof soft[0]; i++)
        if (t->len <= strlen(soft[i]) && memcmp(soft[i], t->start, t->len) == 0)
            return true;
    return false;
}

/* Where error_juxtaposed remembers, for the current token, that it found
 * nothing to say after a left operand of this kind (*bit); NULL when
 * nothing is remembered. */
static uint8_t *juxt_memo_slot(Parser *p, unsigned *bit, bool name,
                               bool legacy, bool expression_first)
{
    /* An f-string field has its own few tokens: no memo there. */
    if (p->in_fstring)
        return NULL;
    if (p->juxt_memo_toks != p->toks) {
        p->juxt_memo = ast_arena_alloc(p->arena, p->ntoks + 1);
        p->juxt_memo_toks = p->juxt_memo ? p->toks : NULL;
        if (!p->juxt_memo)
            return NULL;
    }
    *bit = 1u << ((unsigned)name << 2 | (unsigned)legacy << 1 |
                  (unsigned)expression_first);
    return &p->juxt_memo[p->pos];
}

/* A complete expression `a`, which began at token `start`, is followed by
 * something that begins another: CPython's invalid_expression and
 * invalid_legacy_expression rules.  Parsing the second expression may
 * itself find a specific error deeper down, which then stands.  Returns
 * false, with the parser back where it was, if there is nothing specific
 * to say: then the caller reports what it expected instead. */
static bool error_juxtaposed(Parser *p, AstNode *a, size_t start)
{
    size_t b_pos = p->pos, max_pos = p->max_pos;
    const LexToken *first = &p->toks[start];
    bool name = a->kind == AST_NAME && !a->parenthesized;
    bool legacy = name && (strcmp(a->v.name.id, "print") == 0 ||
                           strcmp(a->v.name.id, "exec") == 0);
    bool expression_first =
        !(first->kind == LEX_NAME && p->toks[start + 1].kind == LEX_STRING) &&
        !is_soft_keyword(first);
    /* The answer depends only on the tokens from b_pos on and on the kind
     * of `a`, so "nothing to say" is remembered. */
    unsigned bit = 0;
    uint8_t *memo = juxt_memo_slot(p, &bit, name, legacy, expression_first);
    if (memo && (*memo & bit))
        return false;
    AstNode *b;
    if (expression_first) {
        p->no_invalid++;
        b = parse_expression(p);
        p->no_invalid--;
        if (specific_error(p))
            return true;
        if (b && !legacy && prev(p)->level > 0) {
            error_range(p, a, b->end_lineno, b->end_col_offset,
                        "invalid syntax. Perhaps you forgot a comma?");
            return true;
        }
        reset_error(p);
        p->pos = b_pos;
    }
    if (name) {
        p->no_invalid++;
        b = parse_star_expressions(p);
        p->no_invalid--;
        if (specific_error(p))
            return true;
        if (b && legacy) {
            error_range(p, a, b->end_lineno, b->end_col_offset,
                        "Missing parentheses in call to '%s'. Did you mean "
                        "%s(...)?", a->v.name.id, a->v.name.id);
            return true;
        }
        reset_error(p);
    }
    p->pos = b_pos;
    p->max_pos = max_pos;
    if (memo)
        *memo |= bit;
    return false;
}

/* expression: disjunction ['if' disjunction 'else' expression] | lambdef */
static AstNode *parse_conditional(Parser *p)
{
    size_t start = p->pos;
    AstNode *a = parse_disjunction(p);
    if (!a)
        return NULL;
    if (kind(p) == LEX_IF) {
        advance(p);
        AstNode *test = parse_disjunction(p);
        if (!test)
            return NULL;
        if (kind(p) != LEX_ELSE) {
            if (kind(p) == LEX_COLON)
                error_generic(p);
            else
                error_range(p, a, test->end_lineno, test->end_col_offset,
                            "expected 'else' after 'if' expression");
            return NULL;
        }
        advance(p);
        AstNode *orelse = parse_expression(p);
        if (!orelse)
            return NULL;
        AstNode *n = node_from(p, AST_IF_EXP, a);
        if (n) {
            n->v.if_exp.test = test;
            n->v.if_exp.body = a;
            n->v.if_exp.orelse = orelse;
        }
        return n;
    }
    if (starts_expression(kind(p)) && !p->no_invalid) {
        /* Valid code never has two expressions side by side, so this is
         * an error; find CPython's message for it, if it has one. */
        if (error_juxtaposed(p, a, start))
            return NULL;
    }
    return a;
}

/* A `yield` in the element of a comprehension is an error, but the
 * element is parsed before the `for` that shows it is one.  So displays
 * and arguments track the first yield met in them: yields_begin() starts
 * afresh, check_comprehension_yield() reports it once the `for` is seen,
 * and yields_end() hands what is left to the enclosing tracking. */
static AstNode *yields_begin(Parser *p)
{
    AstNode *saved = p->pending_yield;
    p->pending_yield = NULL;
    return saved;
}

static void yields_end(Parser *p, AstNode *saved)
{
    if (saved)
        p->pending_yield = saved;
}

static AstNode *parse_lambda(Parser *p)
{
    const LexToken *t = cur(p);
    advance(p);
    AstNode *args = parse_parameters(p, true);
    if (!args || !expect(p, LEX_COLON))
        return NULL;
    /* A lambda is a function: `return` is impossible but `yield` is not. */
    Scope saved = p->scope;
    AstNode *saved_yield = yields_begin(p);
    bool gen = false;
    p->scope = (Scope){ .in_function = true, .is_generator = &gen };
    AstNode *body = parse_expression(p);
    p->scope = saved;
    p->pending_yield = saved_yield;     /* its yields are its own */
    if (!body)
        return NULL;
    AstNode *n = node_tok(p, AST_LAMBDA, t);
    if (n) {
        n->v.lambda.args = args;
        n->v.lambda.body = body;
        n->v.lambda.is_generator = gen;
    }
    return n;
}

static AstNode *parse_expression(Parser *p)
{
    if (!enter(p))
        return NULL;
    AstNode *e = kind(p) == LEX_LAMBDA ? parse_lambda(p) : parse_conditional(p);
    leave(p);
    return e;
}

/* named_expression: an expression where CPython would also accept
 * `name := value` (unsupported here) and diagnoses a stray '='. */
static AstNode *parse_named_expression(Parser *p)
{
    AstNode *e = parse_expression(p);
    if (!e)
        return NULL;
    if (kind(p) == LEX_COLONEQUAL) {
        error_generic(p);
        return NULL;
    }
    if (kind(p) == LEX_EQUAL) {
        error_named_assignment(p, e);
        return NULL;
    }
    return e;
}

static AstNode *make_starred(Parser *p, const LexToken *star, AstNode *value)
{
    AstNode *n = node_tok(p, AST_STARRED, star);
    if (n) {
        n->v.starred.value = value;
        n->v.starred.ctx = AST_CTX_LOAD;
    }
    return n;
}

/* star_named_expression: '*' bitwise_or | named_expression */
static AstNode *parse_star_named_expression(Parser *p)
{
    if (kind(p) != LEX_STAR)
        return parse_named_expression(p);
    const LexToken *star = cur(p);
    advance(p);
    AstNode *v = parse_bitwise_or(p);
    return v ? make_starred(p, star, v) : NULL;
}

/* star_expression: '*' bitwise_or | expression */
static AstNode *parse_star_expression(Parser *p)
{
    if (kind(p) != LEX_STAR)
        return parse_expression(p);
    const LexToken *star = cur(p);
    advance(p);
    AstNode *v = parse_bitwise_or(p);
    return v ? make_starred(p, star, v) : NULL;
}

static AstNode *make_tuple(Parser *p, NodeVec elts, int lineno, int col)
{
    AstNode *n = new_node(p, AST_TUPLE, lineno, col);
    if (n) {
        n->v.seq.elts = vec_list(elts);
        n->v.seq.ctx = AST_CTX_LOAD;
    }
    return n;
}

/* Comma-separated items without brackets, a tuple if there is a comma
 * (star_expressions, slices, for targets).  After a comma, the list goes
 * on if the next token can start an item. */
static AstNode *parse_expression_list(Parser *p, AstNode *(*item)(Parser *))
{
    AstNode *first = item(p);
    if (!first || kind(p) != LEX_COMMA)
        return first;
    NodeVec elts = { 0 };
    if (!vec_push(p, &elts, first))
        return NULL;
    while (accept(p, LEX_COMMA)) {
        if (!starts_expression(kind(p)) && kind(p) != LEX_STAR &&
            !(kind(p) == LEX_COLON && item == parse_slice))
            break;
        AstNode *e = item(p);
        if (!e || !vec_push(p, &elts, e))
            return NULL;
    }
    return make_tuple(p, elts, first->lineno, first->col_offset);
}

static AstNode *parse_star_expressions(Parser *p)
{
    return parse_expression_list(p, parse_star_expression);
}

/* expressions: expression (',' expression)* [','] */
static AstNode *parse_expressions(Parser *p)
{
    return parse_expression_list(p, parse_expression);
}

static AstNode *parse_bool_op(Parser *p, LexKind tok_kind, AstBoolOperator op,
                              AstNode *(*operand)(Parser *))
{
    AstNode *a = operand(p);
    if (!a || kind(p) != tok_kind)
        return a;
    NodeVec values = { 0 };
    if (!vec_push(p, &values, a))
        return NULL;
    while (accept(p, tok_kind)) {
        AstNode *b = operand(p);
        if (!b || !vec_push(p, &values, b))
            return NULL;
    }
    AstNode *n = node_from(p, AST_BOOL_OP, a);
    if (n) {
        n->v.bool_op.op = op;
        n->v.bool_op.values = vec_list(values);
    }
    return n;
}

/* Which comparison operator starts here, and how many tokens it takes. */
static int comparison_op(Parser *p, AstCmpOp *op)
{
    switch (kind(p)) {
    case LEX_EQEQUAL: *op = AST_CMP_EQ; return 1;
    case LEX_NOTEQUAL: *op = AST_CMP_NOT_EQ; return 1;
    case LEX_LESS: *op = AST_CMP_LT; return 1;
    case LEX_LESSEQUAL: *op = AST_CMP_LT_E; return 1;
    case LEX_GREATER: *op = AST_CMP_GT; return 1;
    case LEX_GREATEREQUAL: *op = AST_CMP_GT_E; return 1;
    case LEX_IN: *op = AST_CMP_IN; return 1;
    case LEX_NOT:
        if (peek(p, 1)->kind != LEX_IN)
            return 0;
        *op = AST_CMP_NOT_IN;
        return 2;
    case LEX_IS:
        if (peek(p, 1)->kind == LEX_NOT) {
            *op = AST_CMP_IS_NOT;
            return 2;
        }
        *op = AST_CMP_IS;
        return 1;
    default:
        return 0;
    }
}

/* comparison: bitwise_or (compare_op bitwise_or)* -- one Compare node
 * for a whole chain `a < b < c`. */
static AstNode *parse_comparison(Parser *p)
{
    AstNode *a = parse_bitwise_or(p);
    AstCmpOp op;
    int ntok;
    if (!a || !(ntok = comparison_op(p, &op)))
        return a;
    NodeVec comparators = { 0 };
    AstCmpOp *ops = NULL;
    size_t cap = 0;
    do {
        if (comparators.count == cap) {
            cap = cap ? cap * 2 : 4;
            AstCmpOp *grown = palloc(p, cap * sizeof *grown);
            if (!grown)
                return NULL;
            if (comparators.count)
                memcpy(grown, ops, comparators.count * sizeof *ops);
            ops = grown;
        }
        ops[comparators.count] = op;
        while (ntok--)
            advance(p);
        AstNode *b = parse_bitwise_or(p);
        if (!b || !vec_push(p, &comparators, b))
            return NULL;
    } while ((ntok = comparison_op(p, &op)));
    AstNode *n = node_from(p, AST_COMPARE, a);
    if (n) {
        n->v.compare.left = a;
        n->v.compare.ops = ops;
        n->v.compare.comparators = vec_list(comparators);
    }
    return n;
}

/* inversion: 'not' inversion | comparison */
static AstNode *parse_inversion(Parser *p)
{
    if (kind(p) != LEX_NOT)
        return parse_comparison(p);
    const LexToken *t = cur(p);
    advance(p);
    if (!enter(p))
        return NULL;
    AstNode *operand = parse_inversion(p);
    leave(p);
    if (!operand)
        return NULL;
    AstNode *n = node_tok(p, AST_UNARY_OP, t);
    if (n) {
        n->v.unary_op.op = AST_UNARY_NOT;
        n->v.unary_op.operand = operand;
    }
    return n;
}

static AstNode *parse_conjunction(Parser *p)
{
    return parse_bool_op(p, LEX_AND, AST_BOOL_AND, parse_inversion);
}

static AstNode *parse_disjunction(Parser *p)
{
    return parse_bool_op(p, LEX_OR, AST_BOOL_OR, parse_conjunction);
}

/* The binary operator levels, loosest first: | ^ & shifts sums terms. */
enum { LEVEL_BITOR, LEVEL_BITXOR, LEVEL_BITAND, LEVEL_SHIFT, LEVEL_SUM,
       LEVEL_TERM };

/* The level and operator of a binary operator token, or -1. */
static int binary_op(LexKind k, AstOperator *op)
{
    switch (k) {
    case LEX_VBAR: *op = AST_OP_BITOR; return LEVEL_BITOR;
    case LEX_CIRCUMFLEX: *op = AST_OP_BITXOR; return LEVEL_BITXOR;
    case LEX_AMPER: *op = AST_OP_BITAND; return LEVEL_BITAND;
    case LEX_LEFTSHIFT: *op = AST_OP_LSHIFT; return LEVEL_SHIFT;
    case LEX_RIGHTSHIFT: *op = AST_OP_RSHIFT; return LEVEL_SHIFT;
    case LEX_PLUS: *op = AST_OP_ADD; return LEVEL_SUM;
    case LEX_MINUS: *op = AST_OP_SUB; return LEVEL_SUM;
    case LEX_STAR: *op = AST_OP_MULT; return LEVEL_TERM;
    case LEX_SLASH: *op = AST_OP_DIV; return LEVEL_TERM;
    case LEX_DOUBLESLASH: *op = AST_OP_FLOORDIV; return LEVEL_TERM;
    case LEX_PERCENT: *op = AST_OP_MOD; return LEVEL_TERM;
    case LEX_AT: *op = AST_OP_MATMULT; return LEVEL_TERM;
    default: return -1;
    }
}

/* Binary operators at `min_level` or tighter, by precedence climbing:
 * one C frame for all six levels (this sits on the path of every nested
 * bracket), and a loop for left-associative chains, which are bounded to
 * keep the tree's depth bounded. */
static AstNode *parse_binary(Parser *p, int min_level)
{
    AstNode *left = parse_factor(p);
    AstOperator op;
    int level;
    for (size_t n = 1; left && (level = binary_op(kind(p), &op)) >= min_level; n++) {
        if (!chain_ok(p, n))
            return NULL;
        advance(p);
        AstNode *right = parse_binary(p, level + 1);
        if (!right)
            return NULL;
        AstNode *b = node_from(p, AST_BIN_OP, left);
        if (!b)
            return NULL;
        b->v.bin_op.left = left;
        b->v.bin_op.op = op;
        b->v.bin_op.right = right;
        left = b;
    }
    return left;
}

static AstNode *parse_bitwise_or(Parser *p)
{
    return parse_binary(p, LEVEL_BITOR);
}

/* power: primary ['**' factor] -- so -2**2 is -(2**2) and 2**-1 works */
static AstNode *parse_power(Parser *p);

static AstNode *parse_factor(Parser *p)
{
    AstUnaryOperator op;
    switch (kind(p)) {
    case LEX_PLUS: op = AST_UNARY_UADD; break;
    case LEX_MINUS: op = AST_UNARY_USUB; break;
    case LEX_TILDE: op = AST_UNARY_INVERT; break;
    default: return parse_power(p);
    }
    const LexToken *t = cur(p);
    advance(p);
    if (!enter(p))
        return NULL;
    AstNode *operand = parse_factor(p);
    leave(p);
    if (!operand)
        return NULL;
    AstNode *n = node_tok(p, AST_UNARY_OP, t);
    if (n) {
        n->v.unary_op.op = op;
        n->v.unary_op.operand = operand;
    }
    return n;
}

static AstNode *parse_primary(Parser *p);

static AstNode *parse_power(Parser *p)
{
    AstNode *a = parse_primary(p);
    if (!a || kind(p) != LEX_DOUBLESTAR)
        return a;
    advance(p);
    if (!enter(p))
        return NULL;
    AstNode *b = parse_factor(p);
    leave(p);
    if (!b)
        return NULL;
    AstNode *n = node_from(p, AST_BIN_OP, a);
    if (n) {
        n->v.bin_op.left = a;
        n->v.bin_op.op = AST_OP_POW;
        n->v.bin_op.right = b;
    }
    return n;
}

/* The end of the last `for`/`if` part of a comprehension, for messages
 * that underline the whole of it. */
static const AstNode *last_comprehension_item(const NodeVec *gens)
{
    const AstNode *c = gens->items[gens->count - 1];
    if (c->v.comprehension.ifs.count)
        return c->v.comprehension.ifs.items[c->v.comprehension.ifs.count - 1];
    return c->v.comprehension.iter;
}

static void check_comprehension_yield(Parser *p, const char *what)
{
    if (!p->pending_yield)
        return;
    /* CPython's symbol table finds this before its compiler would say
     * "'yield' outside function" about the same yield. */
    if (p->deferred_node == p->pending_yield)
        ast_error_clear(&p->deferred);
    defer_error(p, p->pending_yield, "'yield' inside %s", what);
    p->pending_yield = NULL;
}

/* elt followed by for_if_clauses: a comprehension of `kind`, positioned
 * from (lineno, col). */
static AstNode *parse_comprehension(Parser *p, AstKind k, AstNode *elt,
                                    AstNode *value, int lineno, int col,
                                    LexKind close)
{
    static const char *const what[] = {
        [AST_LIST_COMP] = "list comprehension",
        [AST_SET_COMP] = "set comprehension",
        [AST_DICT_COMP] = "dict comprehension",
        [AST_GENERATOR_EXP] = "generator expression",
    };
    check_comprehension_yield(p, what[k]);
    NodeVec gens = { 0 };
    if (!parse_for_if_clauses(p, &gens, what[k]))
        return NULL;
    if (close != LEX_ENDMARKER && !expect(p, close))
        return NULL;
    AstNode *n = new_node(p, k, lineno, col);
    if (!n)
        return NULL;
    if (k == AST_DICT_COMP) {
        n->v.dict_comp.key = elt;
        n->v.dict_comp.value = value;
        n->v.dict_comp.generators = vec_list(gens);
    } else {
        n->v.comp.elt = elt;
        n->v.comp.generators = vec_list(gens);
    }
    return n;
}

/* A set of names, to find repeated ones in linear time (a def or a call
 * can have thousands).  Open addressing; `slots` is a power of two at
 * least twice the number of names. */
typedef struct NameSet {
    const char **slots;
    size_t mask;
} NameSet;

static bool nameset_init(Parser *p, NameSet *set, size_t n)
{
    size_t size = 8;
    while (size < 2 * n)
        size *= 2;
    set->slots = calloc(size, sizeof *set->slots);
    set->mask = size - 1;
    if (!set->slots)
        out_of_memory(p);
    return set->slots != NULL;
}

/* Add `name`; false if it was there already. */
static bool nameset_add(NameSet *set, const char *name)
{
    size_t h = 2166136261u;
    for (const char *c = name; *c; c++)
        h = (h ^ (unsigned char)*c) * 16777619u;
    for (size_t i = h & set->mask;; i = (i + 1) & set->mask) {
        if (!set->slots[i]) {
            set->slots[i] = name;
            return true;
        }
        if (strcmp(set->slots[i], name) == 0)
            return false;
    }
}

/* The compiler's check that no keyword argument is given twice. */
static void check_repeated_keywords(Parser *p, NodeVec kws)
{
    NameSet seen;
    if (kws.count < 2 || !nameset_init(p, &seen, kws.count))
        return;
    for (size_t i = 0; i < kws.count; i++) {
        const char *name = kws.items[i]->v.keyword.arg;
        if (name && !nameset_add(&seen, name)) {
            defer_error(p, kws.items[i], "keyword argument repeated: %s", name);
            break;
        }
    }
    free(seen.slots);
}

static AstNode *make_keyword(Parser *p, const LexToken *start, const char *arg,
                             AstNode *value)
{
    AstNode *n = node_tok(p, AST_KEYWORD, start);
    if (n) {
        n->v.keyword.arg = arg;
        n->v.keyword.value = value;
    }
    return n;
}

/* name '=' value inside a call, or its errors. */
static AstNode *parse_keyword_argument(Parser *p)
{
    const LexToken *name = cur(p);
    if (name->kind != LEX_NAME) {
        /* True=1, None=1: invalid_kwarg */
        error_span(p, name->lineno, name->col, peek(p, 1)->end_lineno,
                   peek(p, 1)->end_col, "cannot assign to %.*s",
                   (int)name->len, name->start);
        return NULL;
    }
    advance(p);
    const LexToken *eq = cur(p);
    advance(p);
    AstNode *value = parse_expression(p);
    if (!value)
        return NULL;
    if (kind(p) == LEX_FOR) {
        /* f(a=x for x in y): only if the comprehension part is valid. */
        size_t pos = p->pos, max_pos = p->max_pos;
        NodeVec gens = { 0 };
        if (parse_for_if_clauses(p, &gens, "generator expression"))
            error_span(p, name->lineno, name->col, eq->end_lineno, eq->end_col,
                       "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        else if (!specific_error(p))
            fall_back_to_generic(p, pos, max_pos);
        return NULL;
    }
    const char *arg = pstrndup(p, name->start, name->len);
    return arg ? make_keyword(p, name, arg, value) : NULL;
}

/* A positional argument, a bare generator expression, or an error. */
static AstNode *parse_positional_argument(Parser *p, const LexToken *lpar,
                                          bool only, bool call)
{
    AstNode *saved_yield = yields_begin(p);
    AstNode *e = parse_expression(p);
    if (!e)
        return NULL;
    if (kind(p) == LEX_COLONEQUAL) {
        error_generic(p);
        return NULL;
    }
    if (kind(p) == LEX_EQUAL) {
        /* f(a.b=1): invalid_kwarg */
        error_range(p, e, cur(p)->end_lineno, cur(p)->end_col,
                    "expression cannot contain assignment, perhaps you "
                    "meant \"==\"?");
        return NULL;
    }
    if (kind(p) != LEX_FOR) {
        yields_end(p, saved_yield);
        return e;
    }
    if (only && !call) {
        /* class A(x for x in y): bases are no call arguments. */
        error_generic(p);
        return NULL;
    }
    check_comprehension_yield(p, "generator expression");
    yields_end(p, saved_yield);
    NodeVec gens = { 0 };
    if (!parse_for_if_clauses(p, &gens, "generator expression"))
        return NULL;
    if (only && kind(p) != LEX_RPAR && kind(p) != LEX_COMMA) {
        error_generic(p);
        return NULL;
    }
    if (!only || kind(p) != LEX_RPAR) {
        const AstNode *last = last_comprehension_item(&gens);
        error_range(p, e, last->end_lineno, last->end_col_offset,
                    "Generator expression must be parenthesized");
        return NULL;
    }
    /* The call's parentheses are the generator expression's own. */
    AstNode *n = new_node(p, AST_GENERATOR_EXP, lpar->lineno, lpar->col);
    if (n) {
        n->end_lineno = cur(p)->end_lineno;
        n->end_col_offset = cur(p)->end_col;
        n->v.comp.elt = e;
        n->v.comp.generators = vec_list(gens);
    }
    return n;
}

/* Arguments of a call or (with !call) class bases, after '(' and up to
 * ')'. */
static bool parse_call_arguments(Parser *p, NodeVec *args, NodeVec *kws,
                                 bool call)
{
    const LexToken *lpar = prev(p);
    bool seen_kw = false, seen_dstar = false;
    const char *misplaced = NULL;
    while (kind(p) != LEX_RPAR) {
        const LexToken *t = cur(p);
        AstNode *a;
        if (t->kind == LEX_STAR) {
            LexKind next = peek(p, 1)->kind;
            bool bare = next == LEX_COMMA || next == LEX_RPAR;
            if (seen_dstar || (bare && seen_kw)) {
                error_tok(p, t, "iterable argument unpacking follows keyword "
                                "argument unpacking");
                return false;
            }
            advance(p);
            AstNode *v = parse_expression(p);
            if (!v || !(a = make_starred(p, t, v)) || !vec_push(p, args, a))
                return false;
        } else if (t->kind == LEX_DOUBLESTAR) {
            advance(p);
            AstNode *v = parse_expression(p);
            if (!v || !(a = make_keyword(p, t, NULL, v)) || !vec_push(p, kws, a))
                return false;
            seen_dstar = true;
        } else if ((t->kind == LEX_NAME || t->kind == LEX_TRUE ||
                    t->kind == LEX_FALSE || t->kind == LEX_NONE) &&
                   peek(p, 1)->kind == LEX_EQUAL) {
            if (!(a = parse_keyword_argument(p)) || !vec_push(p, kws, a))
                return false;
            seen_kw = true;
        } else {
            bool only = args->count == 0 && kws->count == 0;
            if (!(a = parse_positional_argument(p, lpar, only, call)))
                return false;
            /* CPython reads all the arguments before it says so. */
            if ((seen_kw || seen_dstar) && !misplaced)
                misplaced = seen_dstar ? "positional argument follows keyword "
                                         "argument unpacking"
                                       : "positional argument follows keyword argument";
            if (!vec_push(p, args, a))
                return false;
        }
        if (!accept(p, LEX_COMMA))
            break;
    }
    if (misplaced) {
        error_here(p, "%s", misplaced);
        return false;
    }
    check_repeated_keywords(p, *kws);
    return expect(p, LEX_RPAR);
}

static AstNode *parse_call(Parser *p, AstNode *func)
{
    advance(p);     /* '(' */
    NodeVec args = { 0 }, kws = { 0 };
    if (!parse_call_arguments(p, &args, &kws, true))
        return NULL;
    AstNode *n = node_from(p, AST_CALL, func);
    if (n) {
        n->v.call.func = func;
        n->v.call.args = vec_list(args);
        n->v.call.keywords = vec_list(kws);
    }
    return n;
}

/* slice: [expression] ':' [expression] [':' [expression]] | named_expression
 * (and, since 3.11, a starred expression inside a tuple of slices) */
static AstNode *parse_slice(Parser *p)
{
    const LexToken *start = cur(p);
    if (kind(p) == LEX_STAR) {
        advance(p);
        AstNode *v = parse_expression(p);
        return v ? make_starred(p, start, v) : NULL;
    }
    AstNode *lower = NULL, *upper = NULL, *step = NULL;
    if (kind(p) != LEX_COLON) {
        lower = parse_named_expression(p);
        if (!lower || kind(p) != LEX_COLON)
            return lower;
    }
    advance(p);
    if (kind(p) != LEX_COLON && kind(p) != LEX_COMMA && kind(p) != LEX_RSQB &&
        !(upper = parse_expression(p)))
        return NULL;
    if (accept(p, LEX_COLON) && kind(p) != LEX_COMMA && kind(p) != LEX_RSQB &&
        !(step = parse_expression(p)))
        return NULL;
    AstNode *n = node_tok(p, AST_SLICE, start);
    if (n) {
        n->v.slice.lower = lower;
        n->v.slice.upper = upper;
        n->v.slice.step = step;
    }
    return n;
}

static AstNode *parse_subscript(Parser *p, AstNode *value)
{
    advance(p);     /* '[' */
    AstNode *slice = parse_expression_list(p, parse_slice);
    if (!slice || !expect(p, LEX_RSQB))
        return NULL;
    if (slice->kind == AST_STARRED) {
        /* x[*a] indexes with a tuple, as if written x[*a,]. */
        NodeVec one = { 0 };
        if (!vec_push(p, &one, slice))
            return NULL;
        AstNode *t = make_tuple(p, one, slice->lineno, slice->col_offset);
        if (!t)
            return NULL;
        end_at(t, slice);
        slice = t;
    }
    AstNode *n = node_from(p, AST_SUBSCRIPT, value);
    if (n) {
        n->v.subscript.value = value;
        n->v.subscript.slice = slice;
        n->v.subscript.ctx = AST_CTX_LOAD;
    }
    return n;
}

/* primary: atom followed by any number of .name, (args) and [slices] */
static AstNode *parse_primary(Parser *p)
{
    AstNode *e = parse_atom(p);
    for (size_t n = 1; e; n++) {
        if (kind(p) == LEX_DOT) {
            advance(p);
            const char *attr = expect_name(p);
            if (!attr)
                return NULL;
            AstNode *a = node_from(p, AST_ATTRIBUTE, e);
            if (!a)
                return NULL;
            a->v.attribute.value = e;
            a->v.attribute.attr = attr;
            a->v.attribute.ctx = AST_CTX_LOAD;
            e = a;
        } else if (kind(p) == LEX_LPAR)
            e = parse_call(p, e);
        else if (kind(p) == LEX_LSQB)
            e = parse_subscript(p, e);
        else
            return e;
        if (!chain_ok(p, n))
            return NULL;
    }
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Literals                                                            */
/* ------------------------------------------------------------------ */

static AstNode *make_constant(Parser *p, const LexToken *t, AstConstKind k)
{
    AstNode *n = node_tok(p, AST_CONSTANT, t);
    if (n)
        n->v.constant.kind = k;
    return n;
}

/* Digits in `base` into *out; false on overflow of 64 bits. */
static bool parse_uint(const char *s, unsigned base, uint64_t *out)
{
    uint64_t v = 0;
    for (; *s; s++) {
        unsigned d = isdigit((unsigned char)*s) ? (unsigned)(*s - '0')
                                                : (unsigned)((*s | 0x20) - 'a' + 10);
        if (v > (UINT64_MAX - d) / base)
            return false;
        v = v * base + d;
    }
    *out = v;
    return true;
}

/* A NUMBER token: the lexer has checked its form already. */
static AstNode *parse_number(Parser *p, const LexToken *t)
{
    char *s = palloc(p, t->len + 1);
    if (!s)
        return NULL;
    size_t n = 0;
    for (size_t i = 0; i < t->len; i++)
        if (t->start[i] != '_')
            s[n++] = t->start[i];
    s[n] = '\0';
    if (s[n - 1] == 'j' || s[n - 1] == 'J') {
        error_tok(p, t, "imaginary numbers are not supported by sigvm");
        return NULL;
    }
    AstNode *c = make_constant(p, t, AST_CONST_INT);
    if (!c)
        return NULL;
    unsigned base = 10;
    const char *digits = s;
    if (s[0] == '0' && s[1] && strchr("xXoObB", s[1])) {
        base = (s[1] | 0x20) == 'x' ? 16 : (s[1] | 0x20) == 'o' ? 8 : 2;
        digits = s + 2;
    } else if (strpbrk(s, ".eE")) {
        /* strtod follows the C locale, which sigvm never changes. */
        c->v.constant.kind = AST_CONST_FLOAT;
        c->v.constant.f = strtod(s, NULL);
        return c;
    }
    uint64_t v;
    if (parse_uint(digits, base, &v) && v <= (uint64_t)INT64_MAX) {
        c->v.constant.i = (int64_t)v;
        return c;
    }
    /* Too big for int64: the code generator raises OverflowError.  Keep
     * 2**63 recognizable so that -2**63 can still be folded. */
    c->v.constant.big = true;
    c->v.constant.i = parse_uint(digits, base, &v) && v == (uint64_t)INT64_MAX + 1
                          ? INT64_MIN : 0;
    c->v.constant.s = pstrndup(p, t->start, t->len);
    c->v.constant.len = t->len;
    return c;
}

/* A growing byte buffer for decoded string contents (malloc'd: strings
 * can be long and only the final text goes into the arena). */
typedef struct Buf {
    char *data;
    size_t len, cap;
    bool oom;
} Buf;

static void buf_put(Buf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *d = realloc(b->data, cap);
        if (!d) {
            b->oom = true;
            return;
        }
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
}

static void buf_putc(Buf *b, char c) { buf_put(b, &c, 1); }

/* Append code point `cp` as UTF-8.  Lone surrogates (from "\ud800") are
 * encoded like any other code point, as CPython's str can hold them. */
static void buf_put_utf8(Buf *b, unsigned cp)
{
    char u[4];
    if (cp < 0x80) {
        buf_putc(b, (char)cp);
    } else if (cp < 0x800) {
        u[0] = (char)(0xc0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3f));
        buf_put(b, u, 2);
    } else if (cp < 0x10000) {
        u[0] = (char)(0xe0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        u[2] = (char)(0x80 | (cp & 0x3f));
        buf_put(b, u, 3);
    } else {
        u[0] = (char)(0xf0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
        u[3] = (char)(0x80 | (cp & 0x3f));
        buf_put(b, u, 4);
    }
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)(c | 0x20);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* CPython decodes a str literal by first turning each non-ASCII
 * character into a 10-byte \UXXXXXXXX escape, and its error positions
 * count in that text; reproduce them. */
static int escape_position(const char *s, size_t i)
{
    int pos = 0;
    for (size_t k = 0; k < i; k++) {
        unsigned char c = (unsigned char)s[k];
        if (c < 0x80)
            pos++;
        else if (c >= 0xc0)
            pos += 10;
    }
    return pos;
}

/* One escape sequence s[i] == '\\' of a str (or, with `bytes`, a bytes)
 * literal; returns the index after it, or 0 after an error. */
static size_t decode_escape(Parser *p, Buf *out, const char *s, size_t len,
                            size_t i, bool bytes)
{
    size_t start = i++;
    if (i >= len) {
        buf_putc(out, '\\');
        return i;
    }
    char c = s[i++];
    int ndigits = 0;
    const char *message = NULL;
    switch (c) {
    case '\n': return i;
    case '\\': buf_putc(out, '\\'); return i;
    case '\'': buf_putc(out, '\''); return i;
    case '"': buf_putc(out, '"'); return i;
    case 'a': buf_putc(out, '\a'); return i;
    case 'b': buf_putc(out, '\b'); return i;
    case 'f': buf_putc(out, '\f'); return i;
    case 'n': buf_putc(out, '\n'); return i;
    case 'r': buf_putc(out, '\r'); return i;
    case 't': buf_putc(out, '\t'); return i;
    case 'v': buf_putc(out, '\v'); return i;
    case 'x': ndigits = 2; message = "truncated \\xXX escape"; break;
    case 'u': ndigits = bytes ? 0 : 4; message = "truncated \\uXXXX escape"; break;
    case 'U': ndigits = bytes ? 0 : 8; message = "truncated \\UXXXXXXXX escape"; break;
    case 'N':
        if (!bytes) {
            error_here(p, "(unicode error) \\N{...} escapes are not supported by sigvm");
            return 0;
        }
        break;
    default:
        if (c >= '0' && c <= '7') {
            unsigned v = (unsigned)(c - '0');
            for (int k = 0; k < 2 && i < len && s[i] >= '0' && s[i] <= '7'; k++)
                v = v * 8 + (unsigned)(s[i++] - '0');
            if (bytes)
                buf_putc(out, (char)(v & 0xff));
            else
                buf_put_utf8(out, v);
            return i;
        }
        break;
    }
    if (!ndigits) {
        /* Unknown escapes stay as written, backslash included. */
        buf_putc(out, '\\');
        return i - 1;
    }
    unsigned v = 0;
    for (int k = 0; k < ndigits; k++, i++) {
        int h = i < len ? hex_value(s[i]) : -1;
        if (h < 0) {
            if (bytes)
                error_here(p, "(value error) invalid \\x escape at position %d",
                           (int)start);
            else
                error_here(p, "(unicode error) 'unicodeescape' codec can't decode "
                              "bytes in position %d-%d: %s",
                           escape_position(s, start),
                           escape_position(s, start) + (int)(i - start) - 1, message);
            return 0;
        }
        v = v * 16 + (unsigned)h;
    }
    if (v > 0x10ffff) {
        error_here(p, "(unicode error) 'unicodeescape' codec can't decode bytes "
                      "in position %d-%d: illegal Unicode character",
                   escape_position(s, start),
                   escape_position(s, start) + (int)(i - start) - 1);
        return 0;
    }
    if (bytes)
        buf_putc(out, (char)v);
    else
        buf_put_utf8(out, v);
    return i;
}

/* Decode the body of a literal (between its quotes) into `out`. */
static bool decode_literal(Parser *p, Buf *out, const char *s, size_t len,
                           bool raw, bool bytes)
{
    if (raw) {
        buf_put(out, s, len);
        return true;
    }
    size_t i = 0;
    while (i < len) {
        const char *bs = memchr(s + i, '\\', len - i);
        size_t n = bs ? (size_t)(bs - (s + i)) : len - i;
        buf_put(out, s + i, n);
        i += n;
        if (i < len && !(i = decode_escape(p, out, s, len, i, bytes)))
            return false;
    }
    return true;
}

/* A STRING token taken apart. */
typedef struct StrTok {
    bool raw, bytes, fstr;
    const char *body;       /* between the quotes */
    size_t len;
} StrTok;

static StrTok split_string(const LexToken *t)
{
    StrTok st = { 0 };
    const char *s = t->start;
    while (*s != '\'' && *s != '"') {
        char c = (char)(*s | 0x20);
        st.raw |= c == 'r';
        st.bytes |= c == 'b';
        st.fstr |= c == 'f';
        s++;
    }
    size_t q = (s[0] == s[1] && s[1] == s[2] &&
                (size_t)(t->start + t->len - s) >= 6) ? 3 : 1;
    st.body = s + q;
    st.len = (size_t)(t->start + t->len - q - st.body);
    return st;
}

/* Where the JoinedStr being built stands: pending literal text and the
 * values so far.  Every part is positioned at the whole literal, as in
 * CPython 3.11. */
typedef struct FString {
    Buf text;
    NodeVec values;
    int lineno, col;
} FString;

static bool flush_text(Parser *p, FString *fs)
{
    if (fs->text.oom) {
        out_of_memory(p);
        return false;
    }
    if (fs->text.len == 0)
        return true;
    AstNode *c = new_node(p, AST_CONSTANT, fs->lineno, fs->col);
    if (!c)
        return false;
    c->v.constant.kind = AST_CONST_STR;
    c->v.constant.s = pstrndup(p, fs->text.data, fs->text.len);
    c->v.constant.len = fs->text.len;
    fs->text.len = 0;
    return c->v.constant.s && vec_push(p, &fs->values, c);
}

static bool fstring_body(Parser *p, FString *fs, const char **str,
                         const char *end, bool raw, int level,
                         const LexToken *t);

/* The line of the file that `s` (inside string token t) is on, and where
 * that line starts.  Fields are visited in order, so the scan resumes
 * where the last one stopped: a string with many fields costs linear
 * time. */
static int line_of(Parser *p, const LexToken *t, const char *s,
                   const char **line_start)
{
    if (p->scan_tok != t || s < p->scan_pos) {
        p->scan_tok = t;
        p->scan_pos = t->start;
        p->scan_line = t->lineno;
        p->scan_line_start = t->start - t->col;
    }
    for (const char *q = p->scan_pos; q < s; q++)
        if (*q == '\n') {
            p->scan_line++;
            p->scan_line_start = q + 1;
        }
    p->scan_pos = s;
    *line_start = p->scan_line_start;
    return p->scan_line;
}

static AstNode *parse_paren_body(Parser *p, const LexToken *open, LexKind close);
static int tokenize(Parser *p, Lexer *lx, LexToken **toks, size_t *ntoks,
                    bool hard_fails);

/* Parse the expression text of a replacement field, [start, end), as if
 * it were in parentheses.  It is lexed in place, so its tokens carry
 * their true positions. */
static AstNode *fstring_expression(Parser *p, const char *start,
                                   const char *end, const LexToken *t)
{
    const char *s = start;
    while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f'))
        s++;
    if (s == end) {
        if (*end == '!' || *end == ':' || *end == '=')
            error_here(p, "f-string: expression required before '%c'", *end);
        else
            error_here(p, "f-string: empty expression not allowed");
        return NULL;
    }
    Lexer lx;
    const char *line_start;
    int lineno = line_of(p, t, start, &line_start);
    lex_init_expr(&lx, p->text_lx, start, end, lineno, line_start);
    Parser saved = *p;
    p->field = start;
    p->field_end = end;
    p->field_lineno = lineno;
    p->field_col = (int)(start - lx.line_start);
    p->string_col = t->col;
    LexToken *toks;
    size_t ntoks;
    bool failed_before = p->failed;
    if (tokenize(p, &lx, &toks, &ntoks, true) < 0) {
        if (!failed_before && p->err->kind == SYNTAX_ERR_SYNTAX)
            relocate_to_field(p, p->err, true);
        lex_free(&lx);
        return NULL;
    }
    /* Parse with the field's tokens, then resume the outer ones. */
    p->lx = &lx;
    p->toks = toks;
    p->ntoks = ntoks;
    p->pos = p->max_pos = p->fill = 0;
    p->in_fstring = true;
    p->depth++;
    AstNode *e = parse_paren_body(p, NULL, LEX_ENDMARKER);
    if (e && kind(p) != LEX_ENDMARKER) {
        error_generic(p);
        e = NULL;
    }
    bool failed = p->failed;
    AstNode *pending = p->pending_yield;
    SyntaxErrorInfo deferred = p->deferred;
    *p = saved;
    p->failed = failed;
    p->pending_yield = pending;
    p->deferred = deferred;
    free(toks);
    lex_free(&lx);
    return e;
}

/* The end of the expression of a replacement field starting at `s`: the
 * first !, :, = or } outside brackets and strings (CPython's
 * fstring_find_expr), or NULL after an error. */
static const char *find_field_end(Parser *p, const char *s, const char *end)
{
    char quote = 0, stack[LEX_MAXLEVEL];
    bool triple = false;
    int depth = 0;
    for (; s < end; s++) {
        char ch = *s;
        if (ch == '\\') {
            error_here(p, "f-string expression part cannot include a backslash");
            return NULL;
        }
        if (quote) {
            if (ch == quote && (!triple || (s + 2 < end && s[1] == ch && s[2] == ch))) {
                s += triple ? 2 : 0;
                quote = 0;
            }
        } else if (ch == '\'' || ch == '"') {
            triple = s + 2 < end && s[1] == ch && s[2] == ch;
            s += triple ? 2 : 0;
            quote = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (depth >= LEX_MAXLEVEL) {
                error_here(p, "f-string: too many nested parenthesis");
                return NULL;
            }
            stack[depth++] = ch;
        } else if (ch == '#') {
            error_here(p, "f-string expression part cannot include '#'");
            return NULL;
        } else if (depth == 0 && strchr("!:}=<>", ch)) {
            if (s + 1 < end && s[1] == '=' && strchr("!=<>", ch))
                s++;        /* != == <= >= are operators */
            else if (ch != '<' && ch != '>')
                break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (!depth) {
                error_here(p, "f-string: unmatched '%c'", ch);
                return NULL;
            }
            char open = stack[--depth];
            if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') ||
                  (open == '{' && ch == '}'))) {
                error_here(p, "f-string: closing parenthesis '%c' does not match "
                              "opening parenthesis '%c'", ch, open);
                return NULL;
            }
        }
    }
    if (quote) {
        error_here(p, "f-string: unterminated string");
        return NULL;
    }
    if (depth) {
        error_here(p, "f-string: unmatched '%c'", stack[depth - 1]);
        return NULL;
    }
    if (s >= end) {
        error_here(p, "f-string: expecting '}'");
        return NULL;
    }
    return s;
}

/* The format spec after ':' in a field, up to its closing '}': a JoinedStr
 * of its own, whose fields may nest one level deeper. */
static AstNode *fstring_format_spec(Parser *p, FString *fs, const char **s,
                                    const char *end, bool raw, int level,
                                    const LexToken *t)
{
    FString inner = { .lineno = fs->lineno, .col = fs->col };
    bool ok = fstring_body(p, &inner, s, end, raw, level + 1, t) &&
              flush_text(p, &inner);
    free(inner.text.data);
    AstNode *spec = ok ? new_node(p, AST_JOINED_STR, fs->lineno, fs->col) : NULL;
    if (spec)
        spec->v.joined_str.values = vec_list(inner.values);
    return spec;
}

/* One replacement field; *str points at its '{'.  Appends a
 * FormattedValue, preceded by the text of the expression for `{x=}`. */
static bool fstring_field(Parser *p, FString *fs, const char **str,
                          const char *end, bool raw, int level,
                          const LexToken *t)
{
    if (level >= 2) {
        error_here(p, "f-string: expressions nested too deeply");
        return false;
    }
    const char *expr_start = ++*str;
    const char *s = find_field_end(p, expr_start, end);
    AstNode *value = s ? fstring_expression(p, expr_start, s, t) : NULL;
    if (!value)
        return false;
    bool debug = *s == '=';
    if (debug) {
        /* f"{x=}": the expression's text, with the blanks after '='. */
        for (s++; s < end && isspace((unsigned char)*s); s++)
            ;
        buf_put(&fs->text, expr_start, (size_t)(s - expr_start));
    }
    int conversion = -1;
    if (s + 1 < end && *s == '!') {
        conversion = (unsigned char)s[1];
        s += 2;
        if (conversion != 's' && conversion != 'r' && conversion != 'a') {
            error_here(p, "f-string: invalid conversion character: expected "
                          "'s', 'r', or 'a'");
            return false;
        }
    }
    AstNode *spec = NULL;
    if (s + 1 < end && *s == ':') {
        s++;
        if (!(spec = fstring_format_spec(p, fs, &s, end, raw, level, t)))
            return false;
    }
    /* Whatever else is here, including the end of the string. */
    if (s >= end || *s != '}') {
        error_here(p, "f-string: expecting '}'");
        return false;
    }
    *str = s + 1;
    if (debug && !spec && conversion == -1)
        conversion = 'r';
    AstNode *fv = flush_text(p, fs) ? new_node(p, AST_FORMATTED_VALUE, fs->lineno, fs->col)
                                    : NULL;
    if (!fv)
        return false;
    fv->v.formatted_value.value = value;
    fv->v.formatted_value.conversion = conversion;
    fv->v.formatted_value.format_spec = spec;
    return vec_push(p, &fs->values, fv);
}

/* The text of an f-string from *str: literal parts and replacement
 * fields, up to `end` (level 0) or to the '}' closing a format spec. */
static bool fstring_body(Parser *p, FString *fs, const char **str,
                         const char *end, bool raw, int level,
                         const LexToken *t)
{
    const char *s = *str;
    for (;;) {
        /* A literal part: up to a '{' or '}' (doubled ones are text). */
        const char *lit = s;
        while (s < end) {
            if (!raw && *s == '\\' && s + 1 < end) {
                /* An escaped character is skipped, except that a brace
                 * after a backslash still counts as a brace (CPython's
                 * fstring_find_literal). */
                if (s[1] == 'N' && s + 2 < end && s[2] == '{') {
                    error_here(p, "(unicode error) \\N{...} escapes are not "
                                  "supported by sigvm");
                    return false;
                }
                s += s[1] == '{' || s[1] == '}' ? 1 : 2;
                continue;
            }
            if (*s == '{' || *s == '}')
                break;
            s++;
        }
        bool doubled = level == 0 && s + 1 < end && *s == s[1];
        if (!decode_literal(p, &fs->text, lit, (size_t)(s - lit) + doubled,
                            raw, false))
            return false;
        if (doubled) {
            s += 2;
            continue;
        }
        if (s >= end)
            break;
        if (*s == '}') {
            if (level == 0) {
                error_here(p, "f-string: single '}' is not allowed");
                return false;
            }
            break;
        }
        if (!fstring_field(p, fs, &s, end, raw, level, t))
            return false;
    }
    *str = s;
    if (level != 0 && (s >= end || *s != '}')) {
        error_here(p, "f-string: expecting '}'");
        return false;
    }
    return true;
}

/* Adjacent string literals: concatenated into one Constant, or one
 * JoinedStr if any of them is an f-string. */
static AstNode *parse_strings(Parser *p)
{
    const LexToken *first = cur(p);
    size_t start = p->pos;
    bool bytes = false, str = false, fmode = false;
    while (kind(p) == LEX_STRING) {
        StrTok st = split_string(cur(p));
        bytes |= st.bytes;
        str |= !st.bytes;
        fmode |= st.fstr;
        advance(p);
    }
    size_t stop = p->pos;
    if (bytes && str) {
        error_here(p, "cannot mix bytes and nonbytes literals");
        return NULL;
    }
    FString fs = { .lineno = first->lineno, .col = first->col };
    bool ok = true;
    for (size_t i = start; ok && i < stop; i++) {
        const LexToken *t = &p->toks[i];
        StrTok st = split_string(t);
        if (st.bytes) {
            for (size_t k = 0; k < st.len; k++)
                if ((unsigned char)st.body[k] >= 0x80) {
                    error_tok(p, t, "bytes can only contain ASCII literal characters");
                    ok = false;
                    break;
                }
        }
        if (!ok)
            break;
        if (st.fstr) {
            const char *s = st.body;
            ok = fstring_body(p, &fs, &s, st.body + st.len, st.raw, 0, t);
        } else
            ok = decode_literal(p, &fs.text, st.body, st.len, st.raw, st.bytes);
    }
    AstNode *n = NULL;
    if (ok && fmode) {
        ok = flush_text(p, &fs);
        n = ok ? new_node(p, AST_JOINED_STR, first->lineno, first->col) : NULL;
        if (n)
            n->v.joined_str.values = vec_list(fs.values);
    } else if (ok && !fs.text.oom) {
        n = new_node(p, AST_CONSTANT, first->lineno, first->col);
        if (n) {
            n->v.constant.kind = bytes ? AST_CONST_BYTES : AST_CONST_STR;
            n->v.constant.s = pstrndup(p, fs.text.data ? fs.text.data : "",
                                       fs.text.len);
            n->v.constant.len = fs.text.len;
        }
    } else if (ok)
        out_of_memory(p);
    free(fs.text.data);
    return n;
}

/* ------------------------------------------------------------------ */
/* Atoms and displays                                                  */
/* ------------------------------------------------------------------ */

/* yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
static AstNode *parse_yield_expr(Parser *p)
{
    const LexToken *t = cur(p);
    advance(p);
    AstKind k = AST_YIELD;
    AstNode *value = NULL;
    if (accept(p, LEX_FROM)) {
        k = AST_YIELD_FROM;
        if (!(value = parse_expression(p)))
            return NULL;
    } else if (starts_expression(kind(p)) || kind(p) == LEX_STAR) {
        if (!(value = parse_star_expressions(p)))
            return NULL;
        check_not_starred(p, value);
    }
    AstNode *n = node_tok(p, k, t);
    if (!n)
        return NULL;
    n->v.yield.value = value;
    if (!p->pending_yield)
        p->pending_yield = n;
    if (p->scope.comp)
        defer_error(p, n, "'yield' inside %s", p->scope.comp);
    else if (!p->scope.in_function)
        defer_error(p, n, "'yield' outside function");
    else
        *p->scope.is_generator = true;
    return n;
}

/* An element of a list, set or tuple display. */
static AstNode *parse_display_element(Parser *p)
{
    int saved = p->no_invalid;
    p->no_invalid = 0;
    AstNode *e = parse_star_named_expression(p);
    p->no_invalid = saved;
    return e;
}

/* Elements of a display after the first, up to `close`: the rest of
 * star_named_expressions.  Stops at a `for` (an error the caller
 * reports). */
static bool parse_display_rest(Parser *p, NodeVec *elts, LexKind close)
{
    while (accept(p, LEX_COMMA)) {
        if (kind(p) == close || kind(p) == LEX_FOR)
            break;
        AstNode *e = parse_display_element(p);
        if (!e || !vec_push(p, elts, e))
            return false;
    }
    return true;
}

/* `[a, b for ...]`: CPython's invalid_comprehension, which only applies
 * if the `for` part parses; errors found in that part come first. */
static void error_comprehension_target(Parser *p, NodeVec *elts)
{
    const AstNode *a = elts->items[0];
    int end_lineno = prev(p)->end_lineno, end_col = prev(p)->end_col;
    if (elts->count > 1) {
        end_lineno = elts->items[elts->count - 1]->end_lineno;
        end_col = elts->items[elts->count - 1]->end_col_offset;
    }
    size_t pos = p->pos, max_pos = p->max_pos;
    NodeVec gens = { 0 };
    if (parse_for_if_clauses(p, &gens, "list comprehension"))
        error_span(p, a->lineno, a->col_offset, end_lineno, end_col,
                   "did you forget parentheses around the comprehension target?");
    else if (!specific_error(p))
        fall_back_to_generic(p, pos, max_pos);
}

/* The inside of parentheses after '(' (or of an f-string replacement
 * field, with close == LEX_ENDMARKER): a group, a tuple, a generator
 * expression or a parenthesized yield. */
static AstNode *parse_paren_body(Parser *p, const LexToken *open, LexKind close)
{
    int lineno = open ? open->lineno : cur(p)->lineno;
    int col = open ? open->col : cur(p)->col;
    if (kind(p) == LEX_YIELD) {
        AstNode *y = parse_yield_expr(p);
        if (!y || (close == LEX_RPAR && !expect(p, close)))
            return NULL;
        y->parenthesized = true;
        return y;
    }
    if (kind(p) == LEX_DOUBLESTAR) {
        const LexToken *t = cur(p);
        advance(p);
        if (parse_expression(p) && kind(p) == close)
            error_tok(p, t, "cannot use double starred expression here");
        else if (!p->failed)
            error_generic(p);
        return NULL;
    }
    AstNode *saved_yield = yields_begin(p);
    AstNode *a = parse_star_named_expression(p);
    if (!a)
        return NULL;
    if (a->kind == AST_STARRED && (kind(p) == close || kind(p) == LEX_FOR)) {
        error_node(p, a, kind(p) == LEX_FOR
                             ? "iterable unpacking cannot be used in comprehension"
                             : "cannot use starred expression here");
        return NULL;
    }
    if (kind(p) == LEX_FOR) {
        AstNode *g = parse_comprehension(p, AST_GENERATOR_EXP, a, NULL, lineno,
                                         col, close);
        yields_end(p, saved_yield);
        return g;
    }
    yields_end(p, saved_yield);
    if (kind(p) != LEX_COMMA) {
        if (close == LEX_RPAR && !expect(p, close))
            return NULL;
        a->parenthesized = true;
        return a;
    }
    NodeVec elts = { 0 };
    if (!vec_push(p, &elts, a) || !parse_display_rest(p, &elts, close))
        return NULL;
    if (kind(p) == LEX_FOR) {
        error_generic(p);
        return NULL;
    }
    if (close == LEX_RPAR && !expect(p, close))
        return NULL;
    return make_tuple(p, elts, lineno, col);
}

static AstNode *parse_paren(Parser *p)
{
    const LexToken *open = cur(p);
    advance(p);
    if (accept(p, LEX_RPAR)) {
        NodeVec none = { 0 };
        return make_tuple(p, none, open->lineno, open->col);
    }
    return parse_paren_body(p, open, LEX_RPAR);
}

/* '[' ... ']': a list or a list comprehension. */
static AstNode *parse_list_display(Parser *p)
{
    const LexToken *open = cur(p);
    advance(p);
    NodeVec elts = { 0 };
    if (kind(p) != LEX_RSQB) {
        AstNode *saved_yield = yields_begin(p);
        AstNode *a = parse_display_element(p);
        if (!a)
            return NULL;
        if (kind(p) == LEX_FOR) {
            if (a->kind == AST_STARRED) {
                error_node(p, a, "iterable unpacking cannot be used in comprehension");
                return NULL;
            }
            AstNode *c = parse_comprehension(p, AST_LIST_COMP, a, NULL,
                                             open->lineno, open->col, LEX_RSQB);
            yields_end(p, saved_yield);
            return c;
        }
        yields_end(p, saved_yield);
        if (!vec_push(p, &elts, a) || !parse_display_rest(p, &elts, LEX_RSQB))
            return NULL;
        if (kind(p) == LEX_FOR) {
            error_comprehension_target(p, &elts);
            return NULL;
        }
    }
    if (!expect(p, LEX_RSQB))
        return NULL;
    AstNode *n = node_tok(p, AST_LIST, open);
    if (n) {
        n->v.seq.elts = vec_list(elts);
        n->v.seq.ctx = AST_CTX_LOAD;
    }
    return n;
}

/* A dict value after ':', with CPython's errors for `{k: *v}` and `{k:}`. */
static AstNode *parse_dict_value(Parser *p)
{
    if (kind(p) == LEX_STAR) {
        const LexToken *star = cur(p);
        advance(p);
        AstNode *v = parse_bitwise_or(p);
        if (!v && specific_error(p))
            return NULL;
        reset_error(p);
        error_span(p, star->lineno, star->col, v ? v->end_lineno : star->end_lineno,
                   v ? v->end_col_offset : star->end_col,
                   "cannot use a starred expression in a dictionary value");
        return NULL;
    }
    if (kind(p) == LEX_RBRACE || kind(p) == LEX_COMMA) {
        error_tok(p, prev(p), "expression expected after dictionary key and ':'");
        return NULL;
    }
    return parse_expression(p);
}

/* A key in a dict display not followed by ':' (CPython's invalid_kvpair,
 * which wins even over a missing comma). */
static void error_dict_key(Parser *p, AstNode *k)
{
    raise_raw(p, SYNTAX_ERR_SYNTAX, k->lineno,
              cpython_offset(k->end_col_offset - 1),
              k->end_lineno, 0, "':' expected after dictionary key");
}

/* The entries of a dict display after the first: `k: v` or `**m`. */
static bool parse_dict_rest(Parser *p, NodeVec *keys, NodeVec *values)
{
    while (accept(p, LEX_COMMA)) {
        if (kind(p) == LEX_RBRACE)
            break;
        AstNode *k = NULL, *v;
        if (accept(p, LEX_DOUBLESTAR)) {
            if (!(v = parse_bitwise_or(p)))
                return false;
        } else {
            const LexToken *key_start = cur(p);
            p->no_invalid++;
            k = parse_expression(p);
            p->no_invalid--;
            bool atom = key_start->kind == LEX_NAME || key_start->kind == LEX_NUMBER ||
                        key_start->kind == LEX_STRING;
            if (!k && !specific_error(p) && atom) {
                /* A key like `'a'.` or `a +` fails here, but CPython's
                 * parser backs off to `'a'` and finds no ':' after it. */
                reset_error(p);
                error_span(p, key_start->lineno, key_start->end_col - 1,
                           key_start->lineno, -1, "':' expected after dictionary key");
            }
            if (!k)
                return false;
            if (kind(p) != LEX_COLON) {
                error_dict_key(p, k);
                return false;
            }
            advance(p);
            if (!(v = parse_dict_value(p)))
                return false;
        }
        if (!vec_push(p, keys, k) || !vec_push(p, values, v))
            return false;
    }
    return true;
}

/* '{' ... '}': dict, set, or their comprehensions. */
static AstNode *parse_brace_body(Parser *p, const LexToken *open)
{
    NodeVec keys = { 0 }, values = { 0 };
    AstNode *key = NULL, *value;
    AstNode *saved_yield = yields_begin(p);
    if (kind(p) == LEX_DOUBLESTAR) {
        const LexToken *t = cur(p);
        advance(p);
        if (!(value = parse_bitwise_or(p)))
            return NULL;
        if (kind(p) == LEX_FOR) {
            error_tok(p, t, "dict unpacking cannot be used in dict comprehension");
            return NULL;
        }
    } else {
        AstNode *a = parse_display_element(p);
        if (!a)
            return NULL;
        if (a->kind == AST_STARRED || kind(p) != LEX_COLON) {
            /* A set. */
            if (kind(p) == LEX_FOR) {
                if (a->kind == AST_STARRED) {
                    error_node(p, a, "iterable unpacking cannot be used in comprehension");
                    return NULL;
                }
                AstNode *c = parse_comprehension(p, AST_SET_COMP, a, NULL,
                                                 open->lineno, open->col, LEX_RBRACE);
                yields_end(p, saved_yield);
                return c;
            }
            yields_end(p, saved_yield);
            if (!vec_push(p, &values, a) || !parse_display_rest(p, &values, LEX_RBRACE))
                return NULL;
            if (kind(p) == LEX_FOR) {
                error_comprehension_target(p, &values);
                return NULL;
            }
            if (!expect(p, LEX_RBRACE))
                return NULL;
            AstNode *n = node_tok(p, AST_SET, open);
            if (n)
                n->v.set.elts = vec_list(values);
            return n;
        }
        advance(p);
        key = a;
        if (!(value = parse_dict_value(p)))
            return NULL;
        if (kind(p) == LEX_FOR) {
            AstNode *c = parse_comprehension(p, AST_DICT_COMP, key, value,
                                             open->lineno, open->col, LEX_RBRACE);
            yields_end(p, saved_yield);
            return c;
        }
    }
    yields_end(p, saved_yield);
    if (!vec_push(p, &keys, key) || !vec_push(p, &values, value) ||
        !parse_dict_rest(p, &keys, &values) || !expect(p, LEX_RBRACE))
        return NULL;
    AstNode *n = node_tok(p, AST_DICT, open);
    if (n) {
        n->v.dict.keys = vec_list(keys);
        n->v.dict.values = vec_list(values);
    }
    return n;
}

static AstNode *parse_brace_display(Parser *p)
{
    const LexToken *open = cur(p);
    advance(p);
    if (accept(p, LEX_RBRACE))
        return node_tok(p, AST_DICT, open);
    return parse_brace_body(p, open);
}

static AstNode *parse_atom(Parser *p)
{
    const LexToken *t = cur(p);
    switch (t->kind) {
    case LEX_NAME:
        advance(p);
        return make_name(p, t, AST_CTX_LOAD);
    case LEX_TRUE:
        advance(p);
        return make_constant(p, t, AST_CONST_TRUE);
    case LEX_FALSE:
        advance(p);
        return make_constant(p, t, AST_CONST_FALSE);
    case LEX_NONE:
        advance(p);
        return make_constant(p, t, AST_CONST_NONE);
    case LEX_ELLIPSIS:
        advance(p);
        return make_constant(p, t, AST_CONST_ELLIPSIS);
    case LEX_NUMBER:
        advance(p);
        return parse_number(p, t);
    case LEX_STRING:
        return parse_strings(p);
    case LEX_LPAR:
        return parse_paren(p);
    case LEX_LSQB:
        return parse_list_display(p);
    case LEX_LBRACE:
        return parse_brace_display(p);
    default:
        error_generic(p);
        return NULL;
    }
}

/* ------------------------------------------------------------------ */
/* Comprehensions and targets                                          */
/* ------------------------------------------------------------------ */

/* One element of a `for` target list: ['*'] bitwise_or.  Comparisons
 * are not parsed, so the `in` that follows stays for the caller. */
static AstNode *parse_target_element(Parser *p)
{
    if (kind(p) != LEX_STAR)
        return parse_bitwise_or(p);
    const LexToken *star = cur(p);
    advance(p);
    AstNode *v = parse_bitwise_or(p);
    return v ? make_starred(p, star, v) : NULL;
}

/* star_targets of a `for`: checked and marked Store once `in` is seen.
 * Without the `in`, CPython reads the targets again as expressions
 * (invalid_for_target), which may find a better message. */
static AstNode *parse_for_target(Parser *p)
{
    size_t start = p->pos;
    AstNode *t = parse_expression_list(p, parse_target_element);
    if (!t)
        return NULL;
    if (kind(p) != LEX_IN) {
        size_t pos = p->pos, max_pos = p->max_pos;
        p->pos = start;
        AstNode *e = parse_star_expressions(p);
        if (specific_error(p))
            return NULL;
        if (e && invalid_target(e, FOR_TARGETS))
            error_invalid_target(p, e, FOR_TARGETS);
        else
            fall_back_to_generic(p, pos, max_pos);
        return NULL;
    }
    advance(p);
    return store_target(p, t, FOR_TARGETS) ? t : NULL;
}

/* for_if_clauses: ('for' star_targets 'in' disjunction ('if' disjunction)*)+
 * Everything but the first iterable belongs to the comprehension's own
 * scope, where `yield` is not allowed. */
static bool parse_for_if_clauses(Parser *p, NodeVec *gens, const char *what)
{
    const char *outer = p->scope.comp;
    bool ok = true;
    while (ok && (kind(p) == LEX_FOR || kind(p) == LEX_ASYNC)) {
        if (kind(p) == LEX_ASYNC) {
            error_generic(p);
            ok = false;
            break;
        }
        const LexToken *t = cur(p);
        advance(p);
        p->scope.comp = what;
        AstNode *target = parse_for_target(p);
        if (gens->count == 0)
            p->scope.comp = outer;
        AstNode *iter = target ? parse_disjunction(p) : NULL;
        p->scope.comp = what;
        NodeVec ifs = { 0 };
        while (iter && accept(p, LEX_IF)) {
            AstNode *cond = parse_disjunction(p);
            if (!cond || !vec_push(p, &ifs, cond)) {
                iter = NULL;
                break;
            }
        }
        AstNode *c = iter ? node_tok(p, AST_COMPREHENSION, t) : NULL;
        if (!c || !vec_push(p, gens, c)) {
            ok = false;
            break;
        }
        c->v.comprehension.target = target;
        c->v.comprehension.iter = iter;
        c->v.comprehension.ifs = vec_list(ifs);
    }
    p->scope.comp = outer;
    return ok;
}

/* ------------------------------------------------------------------ */
/* Parameters                                                          */
/* ------------------------------------------------------------------ */

/* NAME [':' expression] -- lambdas take no annotations. */
static AstNode *parse_param(Parser *p, bool lambda)
{
    const LexToken *t = cur(p);
    const char *name = expect_name(p);
    if (!name)
        return NULL;
    AstNode *annotation = NULL;
    if (!lambda && accept(p, LEX_COLON) && !(annotation = parse_expression(p)))
        return NULL;
    AstNode *a = node_tok(p, AST_ARG, t);
    if (a) {
        a->v.arg.arg = name;
        a->v.arg.annotation = annotation;
    }
    return a;
}

/* The symbol table's check that no parameter name is used twice. */
static void check_duplicate_params(Parser *p, AstNode *args)
{
    AstNodeList pos = args->v.arguments.args, kwonly = args->v.arguments.kwonlyargs;
    AstNode *star[2] = { args->v.arguments.vararg, args->v.arguments.kwarg };
    NameSet seen;
    if (!nameset_init(p, &seen, pos.count + kwonly.count + 2))
        return;
    /* In CPython's order: positional, keyword-only, *args, **kwargs. */
    AstNode *dup = NULL;
    for (size_t i = 0; !dup && i < pos.count; i++)
        if (!nameset_add(&seen, pos.items[i]->v.arg.arg))
            dup = pos.items[i];
    for (size_t i = 0; !dup && i < kwonly.count; i++)
        if (!nameset_add(&seen, kwonly.items[i]->v.arg.arg))
            dup = kwonly.items[i];
    for (int i = 0; !dup && i < 2; i++)
        if (star[i] && !nameset_add(&seen, star[i]->v.arg.arg))
            dup = star[i];
    free(seen.slots);
    if (dup)
        defer_error(p, dup, "duplicate argument '%s' in function definition",
                    dup->v.arg.arg);
}

/* `def f(a, (b, c))`: CPython names the mistake if the parentheses hold
 * plain names only. */
static void error_parenthesized_params(Parser *p, bool lambda)
{
    const LexToken *open = cur(p);
    size_t i = p->pos + 1;
    while (p->toks[i].kind == LEX_NAME) {
        i++;
        if (p->toks[i].kind != LEX_COMMA)
            break;
        i++;
    }
    if (i == p->pos + 1 || p->toks[i].kind != LEX_RPAR) {
        error_generic(p);
        return;
    }
    const LexToken *close = &p->toks[i];
    error_span(p, open->lineno, open->col, close->end_lineno, close->end_col,
               lambda ? "Lambda expression parameters cannot be parenthesized"
                      : "Function parameters cannot be parenthesized");
}

/* The parameters of a def or lambda as they are read. */
typedef struct Params {
    bool lambda;            /* no annotations; ends at ':' */
    LexKind close;          /* ')' or ':' */
    bool star;              /* past '*' or '*args': keyword-only now */
    NodeVec pos, defaults, kwonly, kwdefaults;
    AstNode *vararg, *kwarg;
} Params;

/* '*' [NAME]: the start of the keyword-only parameters. */
static bool parse_star_param(Parser *p, Params *ps)
{
    const LexToken *t = cur(p);
    if (ps->star) {
        error_tok(p, t, "* argument may appear only once");
        return false;
    }
    ps->star = true;
    advance(p);
    if (kind(p) == ps->close ||
        (kind(p) == LEX_COMMA && (peek(p, 1)->kind == ps->close ||
                                  peek(p, 1)->kind == LEX_DOUBLESTAR))) {
        error_tok(p, t, "named arguments must follow bare *");
        return false;
    }
    if (kind(p) == LEX_COMMA)
        return true;
    if (!(ps->vararg = parse_param(p, ps->lambda)))
        return false;
    if (kind(p) == LEX_EQUAL) {
        error_tok(p, cur(p), "var-positional argument cannot have default value");
        return false;
    }
    return true;
}

/* '**' NAME */
static bool parse_double_star_param(Parser *p, Params *ps)
{
    advance(p);
    if (!(ps->kwarg = parse_param(p, ps->lambda)))
        return false;
    if (kind(p) == LEX_EQUAL) {
        error_tok(p, cur(p), "var-keyword argument cannot have default value");
        return false;
    }
    return true;
}

/* NAME [':' annotation] ['=' default], positional or keyword-only. */
static bool parse_named_param(Parser *p, Params *ps)
{
    AstNode *a = parse_param(p, ps->lambda), *def = NULL;
    if (!a)
        return false;
    if (kind(p) == LEX_EQUAL) {
        const LexToken *eq = cur(p);
        advance(p);
        if (kind(p) == LEX_COMMA || kind(p) == ps->close) {
            error_tok(p, eq, "expected default value expression");
            return false;
        }
        if (!(def = parse_expression(p)))
            return false;
    }
    if (ps->star)
        return vec_push(p, &ps->kwonly, a) && vec_push(p, &ps->kwdefaults, def);
    if (!def && ps->defaults.count) {
        if (kind(p) == LEX_COMMA || kind(p) == ps->close)
            error_node(p, a, "non-default argument follows default argument");
        else
            error_generic(p);
        return false;
    }
    return vec_push(p, &ps->pos, a) && (!def || vec_push(p, &ps->defaults, def));
}

/* One parameter of any kind, or CPython's error for what is there. */
static bool parse_one_param(Parser *p, Params *ps)
{
    const LexToken *t = cur(p);
    if (ps->kwarg && (t->kind == LEX_NAME || t->kind == LEX_STAR ||
                      t->kind == LEX_DOUBLESTAR || t->kind == LEX_SLASH)) {
        error_tok(p, t, "arguments cannot follow var-keyword argument");
        return false;
    }
    switch (t->kind) {
    case LEX_SLASH:
        error_tok(p, t, "positional-only parameters are not supported by sigvm");
        return false;
    case LEX_LPAR:
        error_parenthesized_params(p, ps->lambda);
        return false;
    case LEX_STAR:
        return parse_star_param(p, ps);
    case LEX_DOUBLESTAR:
        return parse_double_star_param(p, ps);
    default:
        return parse_named_param(p, ps);
    }
}

/* The arguments node of a def (parameters up to ')') or a lambda (up to
 * ':'), with CPython's invalid_parameters messages. */
static AstNode *parse_parameters(Parser *p, bool lambda)
{
    Params ps = { .lambda = lambda, .close = lambda ? LEX_COLON : LEX_RPAR };
    AstNode *args = node_tok(p, AST_ARGUMENTS, cur(p));
    if (!args)
        return NULL;
    while (kind(p) != ps.close) {
        if (!parse_one_param(p, &ps))
            return NULL;
        if (!accept(p, LEX_COMMA))
            break;
    }
    args->v.arguments.args = vec_list(ps.pos);
    args->v.arguments.defaults = vec_list(ps.defaults);
    args->v.arguments.vararg = ps.vararg;
    args->v.arguments.kwonlyargs = vec_list(ps.kwonly);
    args->v.arguments.kw_defaults = vec_list(ps.kwdefaults);
    args->v.arguments.kwarg = ps.kwarg;
    check_duplicate_params(p, args);
    return args;
}

/* ------------------------------------------------------------------ */
/* Simple statements                                                   */
/* ------------------------------------------------------------------ */

static bool parse_statement(Parser *p, NodeVec *out);

/* A tuple written without parentheses: it starts where its first
 * element does. */
static bool is_bare_tuple(const AstNode *e)
{
    return e->kind == AST_TUPLE && e->v.seq.elts.count &&
           e->v.seq.elts.items[0]->lineno == e->lineno &&
           e->v.seq.elts.items[0]->col_offset == e->col_offset;
}

/* The part of `e` that CPython's `bitwise_or` rule would parse first,
 * or NULL if `e` does not start with one. */
static const AstNode *bitwise_or_prefix(const AstNode *e)
{
    for (;;) {
        if (e->parenthesized)
            return e;
        switch (e->kind) {
        case AST_TUPLE:
            if (!is_bare_tuple(e))
                return e;
            e = e->v.seq.elts.items[0];
            break;
        case AST_IF_EXP: e = e->v.if_exp.body; break;
        case AST_BOOL_OP: e = e->v.bool_op.values.items[0]; break;
        case AST_COMPARE: e = e->v.compare.left; break;
        default:
            return is_bitwise_or_level(e) ? e : NULL;
        }
    }
}

/* The first target `t` of `t = rhs ...` is invalid.  CPython tries its
 * targets as named expressions first, which gives the "Maybe you meant
 * '=='" messages when the last element of `t` is followed by '=' and a
 * bitwise_or that is not followed by '=' in turn. */
static void error_first_target(Parser *p, AstNode *t, AstNode *rhs, bool chained)
{
    AstNode *elem = is_bare_tuple(t) ? t->v.seq.elts.items[t->v.seq.elts.count - 1] : t;
    const AstNode *prefix = bitwise_or_prefix(rhs);
    bool adjacent = elem->end_lineno == t->end_lineno &&
                    elem->end_col_offset == t->end_col_offset;
    if (adjacent && prefix && !(prefix == rhs && chained)) {
        if (elem->kind == AST_NAME && !elem->parenthesized) {
            error_range(p, elem, prefix->end_lineno, prefix->end_col_offset,
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            return;
        }
        if (is_bitwise_or_level(elem) && !is_display_or_singleton(elem)) {
            error_node(p, elem, "cannot assign to %s here. Maybe you meant "
                                "'==' instead of '='?", expr_name(elem));
            return;
        }
    }
    error_invalid_target(p, t, STAR_TARGETS);
}

static AstNode *parse_annotated_rhs(Parser *p)
{
    if (kind(p) == LEX_YIELD)
        return parse_yield_expr(p);
    AstNode *e = parse_star_expressions(p);
    check_not_starred(p, e);
    return e;
}

/* The right-hand side after `t1 = ... tn =` did not parse: report an
 * invalid target among t1..tn instead, if there is one. */
static void error_targets_before_rhs(Parser *p, NodeVec *items)
{
    for (size_t i = 0; i < items->count; i++) {
        AstNode *t = items->items[i];
        if ((t->kind == AST_YIELD || t->kind == AST_YIELD_FROM) && !t->parenthesized) {
            reset_error(p);
            error_node(p, t, "assignment to yield expression not possible");
            return;
        }
        if (invalid_target(t, STAR_TARGETS)) {
            reset_error(p);
            error_invalid_target(p, t, STAR_TARGETS);
            return;
        }
    }
}

/* targets '=' ... '=' value */
static AstNode *parse_assignment(Parser *p, AstNode *first)
{
    NodeVec items = { 0 };
    if (!vec_push(p, &items, first))
        return NULL;
    while (accept(p, LEX_EQUAL)) {
        AstNode *v = parse_annotated_rhs(p);
        if (!v) {
            /* `1 = <garbage>`: CPython's invalid_assignment only needs the
             * '=' to name an invalid target. */
            if (!specific_error(p))
                error_targets_before_rhs(p, &items);
            return NULL;
        }
        if (!vec_push(p, &items, v))
            return NULL;
    }
    size_t ntargets = items.count - 1;
    for (size_t i = 0; i < ntargets; i++) {
        AstNode *t = items.items[i];
        if ((t->kind == AST_YIELD || t->kind == AST_YIELD_FROM) && !t->parenthesized) {
            error_node(p, t, "assignment to yield expression not possible");
            return NULL;
        }
        if (invalid_target(t, STAR_TARGETS)) {
            if (i == 0)
                error_first_target(p, t, items.items[1], ntargets > 1);
            else
                error_invalid_target(p, t, STAR_TARGETS);
            return NULL;
        }
        set_context(t, AST_CTX_STORE);
        check_starred_targets(p, t);
    }
    AstNode *n = node_from(p, AST_ASSIGN, first);
    if (n) {
        n->v.assign.targets = (AstNodeList){ items.items, ntargets };
        n->v.assign.value = items.items[ntargets];
    }
    return n;
}

/* `target ':'` where the target cannot be annotated.  CPython's message
 * needs an annotation to follow (`f(x):` alone is just invalid). */
static void error_annotation_target(Parser *p, AstNode *target)
{
    size_t colon = p->pos, max_pos = p->max_pos;
    advance(p);
    bool starts = starts_expression(kind(p));
    if (!parse_expression(p)) {
        /* CPython's PEG parser would settle for a prefix of what follows
         * as the annotation, so any expression start will do. */
        if (specific_error(p))
            return;
        reset_error(p);
        if (!starts) {
            fall_back_to_generic(p, colon, max_pos);
            return;
        }
    }
    if (target->kind == AST_TUPLE || target->kind == AST_LIST) {
        const AstNode *at = is_bare_tuple(target) ? target->v.seq.elts.items[0] : target;
        error_node(p, at, "only single target (not %s) can be annotated",
                   target->kind == AST_TUPLE ? "tuple" : "list");
    } else
        error_node(p, target, "illegal target for annotation");
}

/* target ':' annotation ['=' value] */
static AstNode *parse_annotated(Parser *p, AstNode *target)
{
    if (target->kind != AST_NAME && target->kind != AST_ATTRIBUTE &&
        target->kind != AST_SUBSCRIPT) {
        error_annotation_target(p, target);
        return NULL;
    }
    advance(p);
    AstNode *annotation = parse_expression(p), *value = NULL;
    if (!annotation)
        return NULL;
    if (accept(p, LEX_EQUAL) && !(value = parse_annotated_rhs(p)))
        return NULL;
    set_context(target, AST_CTX_STORE);
    AstNode *n = node_from(p, AST_ANN_ASSIGN, target);
    if (n) {
        n->v.ann_assign.target = target;
        n->v.ann_assign.annotation = annotation;
        n->v.ann_assign.value = value;
        n->v.ann_assign.simple = target->kind == AST_NAME && !target->parenthesized;
    }
    return n;
}

static bool augassign_op(LexKind k, AstOperator *op)
{
    switch (k) {
    case LEX_PLUSEQUAL: *op = AST_OP_ADD; return true;
    case LEX_MINEQUAL: *op = AST_OP_SUB; return true;
    case LEX_STAREQUAL: *op = AST_OP_MULT; return true;
    case LEX_ATEQUAL: *op = AST_OP_MATMULT; return true;
    case LEX_SLASHEQUAL: *op = AST_OP_DIV; return true;
    case LEX_PERCENTEQUAL: *op = AST_OP_MOD; return true;
    case LEX_AMPEREQUAL: *op = AST_OP_BITAND; return true;
    case LEX_VBAREQUAL: *op = AST_OP_BITOR; return true;
    case LEX_CIRCUMFLEXEQUAL: *op = AST_OP_BITXOR; return true;
    case LEX_LEFTSHIFTEQUAL: *op = AST_OP_LSHIFT; return true;
    case LEX_RIGHTSHIFTEQUAL: *op = AST_OP_RSHIFT; return true;
    case LEX_DOUBLESTAREQUAL: *op = AST_OP_POW; return true;
    case LEX_DOUBLESLASHEQUAL: *op = AST_OP_FLOORDIV; return true;
    default: return false;
    }
}

static AstNode *parse_augassign(Parser *p, AstNode *target, AstOperator op)
{
    if (target->kind != AST_NAME && target->kind != AST_ATTRIBUTE &&
        target->kind != AST_SUBSCRIPT) {
        error_node(p, target, "'%s' is an illegal expression for augmented "
                              "assignment", expr_name(target));
        return NULL;
    }
    advance(p);
    AstNode *value = parse_annotated_rhs(p);
    if (!value)
        return NULL;
    set_context(target, AST_CTX_STORE);
    AstNode *n = node_from(p, AST_AUG_ASSIGN, target);
    if (n) {
        n->v.aug_assign.target = target;
        n->v.aug_assign.op = op;
        n->v.aug_assign.value = value;
    }
    return n;
}

/* An expression statement or any kind of assignment. */
static AstNode *parse_expression_statement(Parser *p)
{
    AstNode *e = kind(p) == LEX_YIELD ? parse_yield_expr(p)
                                      : parse_star_expressions(p);
    if (!e)
        return NULL;
    AstOperator op;
    if (kind(p) == LEX_EQUAL)
        return parse_assignment(p, e);
    if (kind(p) == LEX_COLON)
        return parse_annotated(p, e);
    if (augassign_op(kind(p), &op))
        return parse_augassign(p, e, op);
    check_not_starred(p, e);
    AstNode *n = node_from(p, AST_EXPR, e);
    if (n)
        n->v.expr.value = e;
    return n;
}

static AstNode *parse_return(Parser *p)
{
    const LexToken *t = cur(p);
    advance(p);
    AstNode *value = NULL;
    if ((starts_expression(kind(p)) || kind(p) == LEX_STAR) &&
        !(value = parse_star_expressions(p)))
        return NULL;
    check_not_starred(p, value);
    AstNode *n = node_tok(p, AST_RETURN, t);
    if (!n)
        return NULL;
    n->v.return_.value = value;
    if (!p->scope.in_function)
        defer_error(p, n, "'return' outside function");
    return n;
}

static AstNode *parse_raise(Parser *p)
{
    const LexToken *t = cur(p);
    advance(p);
    AstNode *exc = NULL, *cause = NULL;
    if (starts_expression(kind(p))) {
        if (!(exc = parse_expression(p)))
            return NULL;
        if (accept(p, LEX_FROM) && !(cause = parse_expression(p)))
            return NULL;
    }
    AstNode *n = node_tok(p, AST_RAISE, t);
    if (n) {
        n->v.raise.exc = exc;
        n->v.raise.cause = cause;
    }
    return n;
}

/* del_targets: the elements of a bare tuple are separate targets. */
static AstNode *parse_del(Parser *p)
{
    const LexToken *t = cur(p);
    advance(p);
    AstNode *e = parse_star_expressions(p);
    if (!e)
        return NULL;
    if (kind(p) != LEX_SEMI && kind(p) != LEX_NEWLINE) {
        if (invalid_target(e, DEL_TARGETS))
            error_invalid_target(p, e, DEL_TARGETS);
        else
            error_generic(p);
        return NULL;
    }
    if (invalid_target(e, DEL_TARGETS)) {
        error_invalid_target(p, e, DEL_TARGETS);
        return NULL;
    }
    set_context(e, AST_CTX_DEL);
    AstNode *n = node_tok(p, AST_DELETE, t);
    if (n)
        n->v.delete_.targets = is_bare_tuple(e) ? e->v.seq.elts : list1(p, e);
    return n;
}

static AstNode *parse_assert(Parser *p)
{
    const LexToken *t = cur(p);
    advance(p);
    AstNode *test = parse_expression(p), *msg = NULL;
    if (!test)
        return NULL;
    if (accept(p, LEX_COMMA) && !(msg = parse_expression(p)))
        return NULL;
    AstNode *n = node_tok(p, AST_ASSERT, t);
    if (n) {
        n->v.assert_.test = test;
        n->v.assert_.msg = msg;
    }
    return n;
}

static AstNode *parse_global(Parser *p)
{
    const LexToken *t = cur(p);
    AstKind k = t->kind == LEX_GLOBAL ? AST_GLOBAL : AST_NONLOCAL;
    advance(p);
    const char **names = NULL;
    size_t count = 0, cap = 0;
    do {
        const char *name = expect_name(p);
        if (!name)
            return NULL;
        if (count == cap) {
            cap = cap ? cap * 2 : 4;
            const char **grown = palloc(p, cap * sizeof *grown);
            if (!grown)
                return NULL;
            if (count)
                memcpy(grown, names, count * sizeof *names);
            names = grown;
        }
        names[count++] = name;
    } while (accept(p, LEX_COMMA));
    AstNode *n = node_tok(p, k, t);
    if (!n)
        return NULL;
    n->v.global.names = (AstIdentList){ names, count };
    if (k == AST_NONLOCAL && p->scope.at_module)
        defer_error(p, n, "nonlocal declaration not allowed at module level");
    return n;
}

/* dotted_name: NAME ('.' NAME)*, as one string. */
static const char *parse_dotted_name(Parser *p)
{
    const LexToken *first = cur(p);
    if (!expect_name(p))
        return NULL;
    while (kind(p) == LEX_DOT) {
        advance(p);
        if (!expect_name(p))
            return NULL;
    }
    /* The tokens are contiguous names and dots, possibly with blanks in
     * between: copy them without the blanks. */
    size_t len = 0;
    for (const LexToken *t = first; t <= prev(p); t++)
        len += t->len;
    char *s = palloc(p, len + 1), *d = s;
    if (!s)
        return NULL;
    for (const LexToken *t = first; t <= prev(p); t++) {
        memcpy(d, t->start, t->len);
        d += t->len;
    }
    *d = '\0';
    return s;
}

/* name ['as' NAME] */
static AstNode *make_alias(Parser *p, const LexToken *start, const char *name)
{
    if (!name)
        return NULL;
    const char *asname = NULL;
    if (accept(p, LEX_AS) && !(asname = expect_name(p)))
        return NULL;
    AstNode *a = node_tok(p, AST_ALIAS, start);
    if (a) {
        a->v.alias.name = name;
        a->v.alias.asname = asname;
    }
    return a;
}

/* 'import' dotted_as_names */
static AstNode *parse_import(Parser *p)
{
    const LexToken *t = cur(p);
    advance(p);
    NodeVec names = { 0 };
    do {
        const LexToken *start = cur(p);
        AstNode *a = make_alias(p, start, parse_dotted_name(p));
        if (!a || !vec_push(p, &names, a))
            return NULL;
    } while (accept(p, LEX_COMMA));
    AstNode *n = node_tok(p, AST_IMPORT, t);
    if (n)
        n->v.import.names = vec_list(names);
    return n;
}

/* The names after `from m import`. */
static bool parse_import_targets(Parser *p, NodeVec *names, bool *star)
{
    if (kind(p) == LEX_STAR) {
        const LexToken *t = cur(p);
        advance(p);
        *star = true;
        AstNode *a = node_tok(p, AST_ALIAS, t);
        return a && (a->v.alias.name = "*") && vec_push(p, names, a);
    }
    bool paren = accept(p, LEX_LPAR);
    for (;;) {
        const LexToken *start = cur(p);
        AstNode *a = make_alias(p, start, expect_name(p));
        if (!a || !vec_push(p, names, a))
            return false;
        if (!accept(p, LEX_COMMA))
            break;
        if (paren && kind(p) == LEX_RPAR)
            break;
        if (!paren && kind(p) == LEX_NEWLINE) {
            error_here(p, "trailing comma not allowed without surrounding parentheses");
            return false;
        }
    }
    return !paren || expect(p, LEX_RPAR);
}

/* 'from' ('.' | '...')* [dotted_name] 'import' targets */
static AstNode *parse_from_import(Parser *p)
{
    const LexToken *t = cur(p);
    advance(p);
    int level = 0;
    for (;; advance(p)) {
        if (kind(p) == LEX_DOT)
            level++;
        else if (kind(p) == LEX_ELLIPSIS)
            level += 3;
        else
            break;
    }
    const char *module = NULL;
    if (kind(p) != LEX_IMPORT || level == 0) {
        if (!(module = parse_dotted_name(p)))
            return NULL;
    }
    if (!expect(p, LEX_IMPORT))
        return NULL;
    NodeVec names = { 0 };
    bool star = false;
    if (!parse_import_targets(p, &names, &star))
        return NULL;
    AstNode *n = node_tok(p, AST_IMPORT_FROM, t);
    if (!n)
        return NULL;
    n->v.import_from.module = module;
    n->v.import_from.names = vec_list(names);
    n->v.import_from.level = level;
    n->v.import_from.star = star;
    if (star && !p->scope.at_module)
        defer_error(p, names.items[0], "import * only allowed at module level");
    return n;
}

static AstNode *parse_simple_statement(Parser *p)
{
    const LexToken *t = cur(p);
    AstNode *n;
    switch (t->kind) {
    case LEX_RETURN: return parse_return(p);
    case LEX_RAISE: return parse_raise(p);
    case LEX_DEL: return parse_del(p);
    case LEX_ASSERT: return parse_assert(p);
    case LEX_GLOBAL:
    case LEX_NONLOCAL: return parse_global(p);
    case LEX_IMPORT: return parse_import(p);
    case LEX_FROM: return parse_from_import(p);
    case LEX_PASS:
        advance(p);
        return node_tok(p, AST_PASS, t);
    case LEX_BREAK:
    case LEX_CONTINUE:
        advance(p);
        n = node_tok(p, t->kind == LEX_BREAK ? AST_BREAK : AST_CONTINUE, t);
        if (n && !p->scope.loops)
            defer_error(p, n, t->kind == LEX_BREAK ? "'break' outside loop"
                                                   : "'continue' not properly in loop");
        return n;
    default:
        return parse_expression_statement(p);
    }
}

/* simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE */
static bool parse_simple_stmts(Parser *p, NodeVec *out)
{
    for (;;) {
        AstNode *s = parse_simple_statement(p);
        if (!s || !vec_push(p, out, s))
            return false;
        if (!accept(p, LEX_SEMI) || kind(p) == LEX_NEWLINE)
            break;
    }
    return expect(p, LEX_NEWLINE);
}

/* ------------------------------------------------------------------ */
/* Compound statements                                                 */
/* ------------------------------------------------------------------ */

/* The ':' before a block, where CPython only says "expected ':'" if the
 * line ends there (if, while, for, with, class, except). */
static bool expect_block_colon(Parser *p)
{
    if (accept(p, LEX_COLON))
        return true;
    if (kind(p) == LEX_NEWLINE)
        error_here(p, "expected ':'");
    else
        error_generic(p);
    return false;
}

/* block: NEWLINE INDENT statements DEDENT | simple_stmts.  `what` and
 * `lineno` name the statement that owns the block, for the error. */
static bool parse_block(Parser *p, NodeVec *body, const char *what, int lineno)
{
    if (!accept(p, LEX_NEWLINE))
        return parse_simple_stmts(p, body);
    if (kind(p) != LEX_INDENT) {
        error_indent(p, "expected an indented block after %s on line %d",
                     what, lineno);
        return false;
    }
    advance(p);
    while (kind(p) != LEX_DEDENT)
        if (!parse_statement(p, body))
            return false;
    advance(p);
    return true;
}

/* A compound statement ends where the last statement of its last block
 * does. */
static void end_with_block(AstNode *n, NodeVec body)
{
    if (body.count)
        end_at(n, body.items[body.count - 1]);
}

/* A loop body counts as in the loop; its `else` does not. */
static bool parse_loop_body(Parser *p, NodeVec *body, const char *what,
                            int lineno)
{
    p->scope.loops++;
    bool ok = parse_block(p, body, what, lineno);
    p->scope.loops--;
    return ok;
}

/* ['else' ':' block] of if, for, while and try. */
static bool parse_else(Parser *p, NodeVec *orelse)
{
    if (kind(p) != LEX_ELSE)
        return true;
    const LexToken *t = cur(p);
    advance(p);
    return expect_forced(p, LEX_COLON, ":") &&
           parse_block(p, orelse, "'else' statement", t->lineno);
}

/* if / elif / else.  The elif chain is built with a loop, each elif an
 * If alone in the orelse of the one before. */
static AstNode *parse_if(Parser *p)
{
    NodeVec chain = { 0 }, orelse = { 0 };
    do {
        const LexToken *t = cur(p);
        bool elif = t->kind == LEX_ELIF;
        if (!chain_ok(p, chain.count))
            return NULL;
        advance(p);
        AstNode *test = parse_named_expression(p);
        NodeVec body = { 0 };
        if (!test || !expect_block_colon(p) ||
            !parse_block(p, &body, elif ? "'elif' statement" : "'if' statement",
                         t->lineno))
            return NULL;
        AstNode *n = node_tok(p, AST_IF, t);
        if (!n || !vec_push(p, &chain, n))
            return NULL;
        n->v.if_.test = test;
        n->v.if_.body = vec_list(body);
        end_with_block(n, body);
    } while (kind(p) == LEX_ELIF);
    if (!parse_else(p, &orelse))
        return NULL;
    for (size_t i = chain.count; i-- > 0;) {
        AstNode *n = chain.items[i];
        if (i + 1 < chain.count) {
            n->v.if_.orelse = list1(p, chain.items[i + 1]);
            end_at(n, chain.items[i + 1]);
        } else {
            n->v.if_.orelse = vec_list(orelse);
            end_with_block(n, orelse);
        }
    }
    return chain.items[0];
}

static AstNode *parse_while(Parser *p)
{
    const LexToken *t = cur(p);
    advance(p);
    AstNode *test = parse_named_expression(p);
    NodeVec body = { 0 }, orelse = { 0 };
    if (!test || !expect_block_colon(p) ||
        !parse_loop_body(p, &body, "'while' statement", t->lineno) ||
        !parse_else(p, &orelse))
        return NULL;
    AstNode *n = node_tok(p, AST_WHILE, t);
    if (n) {
        n->v.while_.test = test;
        n->v.while_.body = vec_list(body);
        n->v.while_.orelse = vec_list(orelse);
        end_with_block(n, body);
        end_with_block(n, orelse);
    }
    return n;
}

static AstNode *parse_for(Parser *p)
{
    const LexToken *t = cur(p);
    advance(p);
    AstNode *target = parse_for_target(p);
    AstNode *iter = target ? parse_star_expressions(p) : NULL;
    NodeVec body = { 0 }, orelse = { 0 };
    if (!iter)
        return NULL;
    check_not_starred(p, iter);
    if (!expect_block_colon(p) ||
        !parse_loop_body(p, &body, "'for' statement", t->lineno) ||
        !parse_else(p, &orelse))
        return NULL;
    AstNode *n = node_tok(p, AST_FOR, t);
    if (n) {
        n->v.for_.target = target;
        n->v.for_.iter = iter;
        n->v.for_.body = vec_list(body);
        n->v.for_.orelse = vec_list(orelse);
        end_with_block(n, body);
        end_with_block(n, orelse);
    }
    return n;
}

/* except_block: 'except' [expression ['as' NAME]] ':' block */
static AstNode *parse_except(Parser *p)
{
    const LexToken *t = cur(p);
    advance(p);
    if (kind(p) == LEX_STAR) {
        error_tok(p, cur(p), "'except*' is not supported by sigvm");
        return NULL;
    }
    AstNode *type = NULL;
    const char *name = NULL;
    if (kind(p) != LEX_COLON && kind(p) != LEX_NEWLINE) {
        if (!(type = parse_expression(p)))
            return NULL;
        if (kind(p) == LEX_COMMA) {
            advance(p);
            if (parse_expressions(p))
                error_range(p, type, prev(p)->end_lineno, prev(p)->end_col,
                            "multiple exception types must be parenthesized");
            return NULL;
        }
        if (accept(p, LEX_AS) && !(name = expect_name(p)))
            return NULL;
    }
    NodeVec body = { 0 };
    if (!expect_block_colon(p) ||
        !parse_block(p, &body, "'except' statement", t->lineno))
        return NULL;
    AstNode *n = node_tok(p, AST_EXCEPT_HANDLER, t);
    if (n) {
        n->v.except_handler.type = type;
        n->v.except_handler.name = name;
        n->v.except_handler.body = vec_list(body);
        end_with_block(n, body);
    }
    return n;
}

static AstNode *parse_try(Parser *p)
{
    const LexToken *t = cur(p);
    advance(p);
    NodeVec body = { 0 }, handlers = { 0 }, orelse = { 0 }, final = { 0 };
    if (!expect_forced(p, LEX_COLON, ":") ||
        !parse_block(p, &body, "'try' statement", t->lineno))
        return NULL;
    while (kind(p) == LEX_EXCEPT) {
        AstNode *h = parse_except(p);
        if (!h || !vec_push(p, &handlers, h))
            return NULL;
    }
    for (size_t i = 0; i + 1 < handlers.count; i++)
        if (!handlers.items[i]->v.except_handler.type)
            defer_error(p, handlers.items[i], "default 'except:' must be last");
    if (handlers.count && !parse_else(p, &orelse))
        return NULL;
    if (kind(p) == LEX_FINALLY) {
        const LexToken *f = cur(p);
        advance(p);
        if (!expect_forced(p, LEX_COLON, ":") ||
            !parse_block(p, &final, "'finally' statement", f->lineno))
            return NULL;
    } else if (!handlers.count) {
        error_here(p, "expected 'except' or 'finally' block");
        return NULL;
    }
    AstNode *n = node_tok(p, AST_TRY, t);
    if (n) {
        n->v.try_.body = vec_list(body);
        n->v.try_.handlers = vec_list(handlers);
        n->v.try_.orelse = vec_list(orelse);
        n->v.try_.finalbody = vec_list(final);
        end_with_block(n, body);
        if (handlers.count)
            end_at(n, handlers.items[handlers.count - 1]);
        end_with_block(n, orelse);
        end_with_block(n, final);
    }
    return n;
}

/* with_item: expression ['as' star_target] */
static AstNode *parse_with_item(Parser *p)
{
    AstNode *e = parse_expression(p), *target = NULL;
    if (!e)
        return NULL;
    if (accept(p, LEX_AS)) {
        if (!(target = parse_star_expression(p)))
            return NULL;
        LexKind k = kind(p);
        if (k != LEX_COMMA && k != LEX_RPAR && k != LEX_COLON && k != LEX_NEWLINE) {
            error_generic(p);
            return NULL;
        }
        if (!store_target(p, target, STAR_TARGETS))
            return NULL;
    }
    AstNode *n = node_from(p, AST_WITHITEM, e);
    if (n) {
        n->v.withitem.context_expr = e;
        n->v.withitem.optional_vars = target;
    }
    return n;
}

/* '(' with_item (',' with_item)* [','] ')' ':' -- tried first, as in
 * CPython; `with (a, b) as c:` fails here and is re-read as an
 * expression. */
static bool parse_with_parens(Parser *p, NodeVec *items)
{
    advance(p);
    for (;;) {
        AstNode *it = parse_with_item(p);
        if (!it || !vec_push(p, items, it))
            return false;
        if (!accept(p, LEX_COMMA) || kind(p) == LEX_RPAR)
            break;
    }
    return accept(p, LEX_RPAR) && kind(p) == LEX_COLON;
}

static AstNode *parse_with(Parser *p)
{
    const LexToken *t = cur(p);
    advance(p);
    NodeVec items = { 0 }, body = { 0 };
    bool parenthesized = false;
    if (kind(p) == LEX_LPAR) {
        size_t start = p->pos;
        int depth = p->depth;
        parenthesized = parse_with_parens(p, &items);
        if (!parenthesized) {
            if (p->err->kind == SYNTAX_ERR_MEMORY)
                return NULL;
            reset_error(p);
            p->pos = start;
            p->depth = depth;
            items.count = 0;
        }
    }
    if (!parenthesized) {
        do {
            AstNode *it = parse_with_item(p);
            if (!it || !vec_push(p, &items, it))
                return NULL;
        } while (accept(p, LEX_COMMA));
    }
    if (!expect_block_colon(p) ||
        !parse_block(p, &body, "'with' statement", t->lineno))
        return NULL;
    AstNode *n = node_tok(p, AST_WITH, t);
    if (n) {
        n->v.with.items = vec_list(items);
        n->v.with.body = vec_list(body);
        end_with_block(n, body);
    }
    return n;
}

static AstNode *parse_funcdef(Parser *p, NodeVec decorators)
{
    const LexToken *t = cur(p);
    advance(p);
    const char *name = expect_name(p);
    if (!name || !expect_forced(p, LEX_LPAR, "("))
        return NULL;
    AstNode *args = parse_parameters(p, false), *returns = NULL;
    if (!args || !expect(p, LEX_RPAR))
        return NULL;
    if (kind(p) == LEX_RARROW) {
        /* ['->' expression] is optional to CPython: if no expression
         * follows, it reports the ':' it then expects at the arrow. */
        size_t arrow = p->pos, max_pos = p->max_pos;
        advance(p);
        if (!(returns = parse_expression(p))) {
            if (specific_error(p))
                return NULL;
            reset_error(p);
            p->pos = arrow;
            p->max_pos = max_pos;
        }
    }
    if (!expect_forced(p, LEX_COLON, ":"))
        return NULL;
    Scope saved = p->scope;
    bool gen = false;
    p->scope = (Scope){ .in_function = true, .is_generator = &gen };
    NodeVec body = { 0 };
    bool ok = parse_block(p, &body, "function definition", t->lineno);
    p->scope = saved;
    if (!ok)
        return NULL;
    AstNode *n = node_tok(p, AST_FUNCTION_DEF, t);
    if (n) {
        n->v.function_def.name = name;
        n->v.function_def.args = args;
        n->v.function_def.body = vec_list(body);
        n->v.function_def.decorators = vec_list(decorators);
        n->v.function_def.returns = returns;
        n->v.function_def.is_generator = gen;
        end_with_block(n, body);
    }
    return n;
}

static AstNode *parse_classdef(Parser *p, NodeVec decorators)
{
    const LexToken *t = cur(p);
    advance(p);
    const char *name = expect_name(p);
    if (!name)
        return NULL;
    NodeVec bases = { 0 }, keywords = { 0 }, body = { 0 };
    if (accept(p, LEX_LPAR) &&
        !parse_call_arguments(p, &bases, &keywords, false))
        return NULL;
    if (!expect_block_colon(p))
        return NULL;
    Scope saved = p->scope;
    p->scope = (Scope){ 0 };
    bool ok = parse_block(p, &body, "class definition", t->lineno);
    p->scope = saved;
    if (!ok)
        return NULL;
    AstNode *n = node_tok(p, AST_CLASS_DEF, t);
    if (n) {
        n->v.class_def.name = name;
        n->v.class_def.bases = vec_list(bases);
        n->v.class_def.keywords = vec_list(keywords);
        n->v.class_def.body = vec_list(body);
        n->v.class_def.decorators = vec_list(decorators);
        end_with_block(n, body);
    }
    return n;
}

/* decorators: ('@' named_expression NEWLINE)+, then a def or a class */
static AstNode *parse_decorated(Parser *p)
{
    NodeVec decorators = { 0 };
    while (accept(p, LEX_AT)) {
        AstNode *d = parse_named_expression(p);
        if (!d || !vec_push(p, &decorators, d) || !expect(p, LEX_NEWLINE))
            return NULL;
    }
    if (kind(p) == LEX_DEF)
        return parse_funcdef(p, decorators);
    if (kind(p) == LEX_CLASS)
        return parse_classdef(p, decorators);
    error_generic(p);
    return NULL;
}

/* A statement line starting with the soft keyword `match` and ending in
 * ':' before an indented block is a match statement. */
static bool looks_like_match(Parser *p)
{
    size_t i = p->pos + 1;
    while (i + 1 < p->ntoks && p->toks[i].kind != LEX_NEWLINE &&
           p->toks[i].kind != LEX_ERROR)
        i++;
    return i + 1 < p->ntoks && p->toks[i].kind == LEX_NEWLINE &&
           p->toks[i - 1].kind == LEX_COLON &&
           p->toks[i + 1].kind == LEX_INDENT;
}

static bool parse_statement(Parser *p, NodeVec *out)
{
    if (!enter(p))
        return false;
    AstNode *s = NULL;
    NodeVec none = { 0 };
    bool simple = false;
    switch (kind(p)) {
    case LEX_IF: s = parse_if(p); break;
    case LEX_WHILE: s = parse_while(p); break;
    case LEX_FOR: s = parse_for(p); break;
    case LEX_TRY: s = parse_try(p); break;
    case LEX_WITH: s = parse_with(p); break;
    case LEX_DEF: s = parse_funcdef(p, none); break;
    case LEX_CLASS: s = parse_classdef(p, none); break;
    case LEX_AT: s = parse_decorated(p); break;
    case LEX_ASYNC: error_generic(p); break;
    default:
        if (tok_is_name(cur(p), "match") && looks_like_match(p))
            error_tok(p, cur(p), "match statements are not supported by sigvm");
        else
            simple = true;
    }
    leave(p);
    if (simple)
        return parse_simple_stmts(p, out);
    return s && vec_push(p, out, s);
}

/* ------------------------------------------------------------------ */
/* Entry points                                                        */
/* ------------------------------------------------------------------ */

static void move_error(SyntaxErrorInfo *dst, SyntaxErrorInfo *src)
{
    ast_error_clear(dst);
    *dst = *src;
    memset(src, 0, sizeof *src);
}

/* Lex all of `lx` into a token array, which ends with ENDMARKER, or
 * with LEX_ERROR if the lexer found an error; the parser decides whether
 * that error or its own is reported.  With `hard_fails` (for f-string
 * fields) a hard lexer error is reported at once instead. */
static int tokenize(Parser *p, Lexer *lx, LexToken **toks, size_t *ntoks,
                    bool hard_fails)
{
    size_t cap = 64, n = 0;
    LexToken *arr = malloc(cap * sizeof *arr);
    if (!arr) {
        out_of_memory(p);
        return -1;
    }
    for (;;) {
        if (n == cap) {
            LexToken *grown = realloc(arr, 2 * cap * sizeof *arr);
            if (!grown) {
                free(arr);
                out_of_memory(p);
                return -1;
            }
            arr = grown;
            cap *= 2;
        }
        LexKind k = lex_next(lx, &arr[n++]);
        if (k == LEX_ENDMARKER)
            break;
        if (k == LEX_ERROR) {
            if (hard_fails && lx->hard_error) {
                free(arr);
                if (!p->failed) {
                    p->failed = true;
                    move_error(p->err, &lx->err);
                }
                return -1;
            }
            break;
        }
    }
    *toks = arr;
    *ntoks = n;
    return 0;
}

/* Set up lexer and parser and lex the whole source.  False after an
 * error (encoding, memory, or a hard lexer error). */
static bool parser_start(Parser *p, Lexer *lx, AstArena *arena,
                         const char *src, size_t len, const char *filename,
                         SyntaxErrorInfo *err)
{
    memset(p, 0, sizeof *p);
    memset(lx, 0, sizeof *lx);
    memset(err, 0, sizeof *err);
    p->arena = arena;
    p->filename = filename;
    p->err = err;
    p->text_lx = p->lx = lx;
    p->scope.at_module = true;
    if (lex_check_encoding(src, len, filename, err) < 0)
        return false;
    if (lex_init(lx, src, len, filename) < 0) {
        out_of_memory(p);
        return false;
    }
    return tokenize(p, lx, &p->toks, &p->ntoks, false) == 0;
}

/* CPython's precedence between a parser error and a lexer error later
 * in the file.  The lexer's wins if the parser got as far as its token.
 * Otherwise CPython, having failed, lexes the rest of the file: an error
 * its lexer reports at once (an unterminated string, a bad number, an
 * unmatched bracket) replaces the parser's, except "unexpected indent";
 * and a bracket left open wins if it was opened on an earlier line than
 * the parser stopped at. */
static void prefer_lexer_error(Parser *p)
{
    const LexToken *last = &p->toks[p->ntoks - 1];
    if (last->kind != LEX_ERROR || p->err->kind == SYNTAX_ERR_MEMORY)
        return;
    if (p->fill >= p->ntoks - 1) {
        move_error(p->err, &p->lx->err);
    } else if (p->error_is_indent) {
        return;
    } else if (p->lx->hard_error) {
        move_error(p->err, &p->lx->err);
    } else if (p->lx->level > 0 &&
               p->toks[p->fill].lineno > p->lx->parenlineno[p->lx->level - 1]) {
        lex_set_unclosed_error(p->lx);
        move_error(p->err, &p->lx->err);
    }
}

/* Hand over the result: NULL after an error, or after a deferred error
 * found in an otherwise valid tree. */
static AstNode *parser_finish(Parser *p, AstNode *tree)
{
    if (!tree) {
        if (!p->failed)         /* cannot happen; never return NULL silently */
            error_generic(p);
        return NULL;
    }
    if (p->deferred.kind != SYNTAX_ERR_NONE) {
        move_error(p->err, &p->deferred);
        return NULL;
    }
    return tree;
}

static void parser_end(Parser *p, Lexer *lx)
{
    free(p->toks);
    ast_error_clear(&p->deferred);
    lex_free(lx);
}

AstNode *parse_module(AstArena *arena, const char *src, size_t len,
                      const char *filename, SyntaxErrorInfo *err)
{
    Parser p;
    Lexer lx;
    AstNode *mod = NULL;
    if (parser_start(&p, &lx, arena, src, len, filename, err)) {
        NodeVec body = { 0 };
        bool ok = true;
        while (ok && kind(&p) != LEX_ENDMARKER)
            ok = parse_statement(&p, &body);
        if (ok && (mod = new_node(&p, AST_MODULE, 1, 0)))
            mod->v.module.body = vec_list(body);
        if (!mod && p.failed)
            prefer_lexer_error(&p);
        mod = parser_finish(&p, mod);
    }
    parser_end(&p, &lx);
    return mod;
}

/* Whether the REPL input ends with an empty line, which is what ends a
 * compound statement at the prompt. */
static bool ends_with_empty_line(const char *src, size_t len)
{
    if (len == 0 || src[len - 1] != '\n')
        return false;
    return len == 1 || src[len - 2] == '\n' ||
           (len >= 3 && src[len - 2] == '\r' && src[len - 3] == '\n');
}

static bool is_compound(const AstNode *s)
{
    switch (s->kind) {
    case AST_IF: case AST_WHILE: case AST_FOR: case AST_TRY: case AST_WITH:
    case AST_FUNCTION_DEF: case AST_CLASS_DEF:
        return true;
    default:
        return false;
    }
}

ParseStatus parse_interactive(AstArena *arena, const char *src, size_t len,
                              const char *filename, AstNode **out,
                              SyntaxErrorInfo *err)
{
    Parser p;
    Lexer lx;
    ParseStatus status = PARSE_ERROR;
    *out = NULL;
    if (!parser_start(&p, &lx, arena, src, len, filename, err))
        goto done;
    NodeVec body = { 0 };
    bool ok = kind(&p) == LEX_ENDMARKER || parse_statement(&p, &body);
    if (ok && kind(&p) != LEX_ENDMARKER) {
        error_here(&p, "multiple statements found while compiling a single "
                       "statement");
        ok = false;
    }
    if (!ok) {
        /* Incomplete if the parser stopped for want of more input: at an
         * open bracket or backslash at the end, or at the end of a block
         * that no empty line has closed yet. */
        if (p.error_at_end && p.toks[p.ntoks - 1].kind == LEX_ERROR) {
            move_error(p.err, &lx.err);
            if (lx.eof_in_triple_string || lx.eof_after_backslash ||
                lx.eof_in_bracket)
                status = PARSE_INCOMPLETE;
        } else if (p.error_at_end && !ends_with_empty_line(src, len))
            status = PARSE_INCOMPLETE;
        goto done;
    }
    if (body.count && is_compound(body.items[0]) && !ends_with_empty_line(src, len)) {
        status = PARSE_INCOMPLETE;
        goto done;
    }
    AstNode *mod = new_node(&p, AST_INTERACTIVE, 1, 0);
    if (mod) {
        mod->v.module.body = vec_list(body);
        if ((*out = parser_finish(&p, mod)))
            status = PARSE_OK;
    }
done:
    if (status == PARSE_INCOMPLETE)
        ast_error_clear(err);
    parser_end(&p, &lx);
    return status;
}
