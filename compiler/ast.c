/*
 * ast.c - the AST arena, node names, the ast.dump-style printer and the
 * SyntaxErrorInfo helpers.
 */
#define _POSIX_C_SOURCE 200809L
#include "ast.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Arena                                                               */
/* ------------------------------------------------------------------ */

/* Blocks start small so that `-c pass` touches little memory, and double
 * up to a cap so that big files need few mallocs. */
#define ARENA_FIRST_BLOCK 4096
#define ARENA_MAX_BLOCK (256 * 1024)

struct AstArenaBlock {
    AstArenaBlock *next;
    size_t size;
    _Alignas(max_align_t) char data[];
};

void ast_arena_init(AstArena *arena)
{
    arena->head = NULL;
    arena->cur = arena->end = NULL;
}

void ast_arena_free(AstArena *arena)
{
    AstArenaBlock *b = arena->head;
    while (b) {
        AstArenaBlock *next = b->next;
        free(b);
        b = next;
    }
    ast_arena_init(arena);
}

static bool arena_grow(AstArena *arena, size_t need)
{
    size_t size = arena->head ? arena->head->size * 2 : ARENA_FIRST_BLOCK;
    if (size > ARENA_MAX_BLOCK)
        size = ARENA_MAX_BLOCK;
    if (size < need)
        size = need;
    AstArenaBlock *b = malloc(sizeof *b + size);
    if (!b)
        return false;
    b->size = size;
    b->next = arena->head;
    arena->head = b;
    arena->cur = b->data;
    arena->end = b->data + size;
    return true;
}

void *ast_arena_alloc(AstArena *arena, size_t size)
{
    const size_t align = _Alignof(max_align_t);
    size = (size + align - 1) & ~(align - 1);
    if (size == 0)
        size = align;
    if ((size_t)(arena->end - arena->cur) < size && !arena_grow(arena, size))
        return NULL;
    void *p = arena->cur;
    arena->cur += size;
    memset(p, 0, size);
    return p;
}

char *ast_arena_strndup(AstArena *arena, const char *s, size_t len)
{
    char *p = ast_arena_alloc(arena, len + 1);
    if (p) {
        if (len)
            memcpy(p, s, len);
        p[len] = '\0';
    }
    return p;
}

AstNode *ast_node_new(AstArena *arena, AstKind kind, int lineno, int col,
                      int end_lineno, int end_col)
{
    AstNode *n = ast_arena_alloc(arena, sizeof *n);
    if (n) {
        n->kind = kind;
        n->lineno = lineno;
        n->col_offset = col;
        n->end_lineno = end_lineno;
        n->end_col_offset = end_col;
    }
    return n;
}

/* ------------------------------------------------------------------ */
/* Names                                                               */
/* ------------------------------------------------------------------ */

static const char *const kind_names[AST_KIND_COUNT] = {
    [AST_MODULE] = "Module", [AST_INTERACTIVE] = "Interactive",
    [AST_FUNCTION_DEF] = "FunctionDef", [AST_CLASS_DEF] = "ClassDef",
    [AST_RETURN] = "Return", [AST_DELETE] = "Delete", [AST_ASSIGN] = "Assign",
    [AST_AUG_ASSIGN] = "AugAssign", [AST_ANN_ASSIGN] = "AnnAssign",
    [AST_FOR] = "For", [AST_WHILE] = "While", [AST_IF] = "If",
    [AST_WITH] = "With", [AST_RAISE] = "Raise", [AST_TRY] = "Try",
    [AST_ASSERT] = "Assert", [AST_IMPORT] = "Import",
    [AST_IMPORT_FROM] = "ImportFrom", [AST_GLOBAL] = "Global",
    [AST_NONLOCAL] = "Nonlocal", [AST_EXPR] = "Expr", [AST_PASS] = "Pass",
    [AST_BREAK] = "Break", [AST_CONTINUE] = "Continue",
    [AST_BOOL_OP] = "BoolOp", [AST_BIN_OP] = "BinOp",
    [AST_UNARY_OP] = "UnaryOp", [AST_LAMBDA] = "Lambda",
    [AST_IF_EXP] = "IfExp", [AST_DICT] = "Dict", [AST_SET] = "Set",
    [AST_LIST_COMP] = "ListComp", [AST_SET_COMP] = "SetComp",
    [AST_DICT_COMP] = "DictComp", [AST_GENERATOR_EXP] = "GeneratorExp",
    [AST_YIELD] = "Yield", [AST_YIELD_FROM] = "YieldFrom",
    [AST_COMPARE] = "Compare", [AST_CALL] = "Call",
    [AST_FORMATTED_VALUE] = "FormattedValue", [AST_JOINED_STR] = "JoinedStr",
    [AST_CONSTANT] = "Constant", [AST_ATTRIBUTE] = "Attribute",
    [AST_SUBSCRIPT] = "Subscript", [AST_STARRED] = "Starred",
    [AST_NAME] = "Name", [AST_LIST] = "List", [AST_TUPLE] = "Tuple",
    [AST_SLICE] = "Slice", [AST_ARGUMENTS] = "arguments", [AST_ARG] = "arg",
    [AST_KEYWORD] = "keyword", [AST_ALIAS] = "alias",
    [AST_WITHITEM] = "withitem", [AST_EXCEPT_HANDLER] = "ExceptHandler",
    [AST_COMPREHENSION] = "comprehension",
};

const char *ast_kind_name(AstKind kind)
{
    if ((unsigned)kind >= AST_KIND_COUNT || !kind_names[kind])
        return "?";
    return kind_names[kind];
}

static const char *const operator_names[] = {
    "Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow", "LShift",
    "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv",
};
static const char *const operator_symbols[] = {
    "+", "-", "*", "@", "/", "%", "**", "<<", ">>", "|", "^", "&", "//",
};
static const char *const cmpop_names[] = {
    "Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn",
};
static const char *const unary_names[] = { "Invert", "Not", "UAdd", "USub" };
static const char *const context_names[] = { "Load", "Store", "Del" };

const char *ast_operator_name(AstOperator op) { return operator_names[op]; }
const char *ast_operator_symbol(AstOperator op) { return operator_symbols[op]; }
const char *ast_cmpop_name(AstCmpOp op) { return cmpop_names[op]; }

/* ------------------------------------------------------------------ */
/* Dump: Python's ast.dump(node) format                               */
/* ------------------------------------------------------------------ */

/* Whether str.isprintable() is false for code point cp: controls,
 * format characters, separators other than ' ', private use, surrogates
 * and noncharacters.  Unassigned code points are not recognized. */
static bool unicode_unprintable(unsigned cp)
{
    static const unsigned ranges[][2] = {
        { 0x0, 0x1f }, { 0x7f, 0xa0 }, { 0xad, 0xad }, { 0x600, 0x605 },
        { 0x61c, 0x61c }, { 0x6dd, 0x6dd }, { 0x70f, 0x70f },
        { 0x1680, 0x1680 }, { 0x180e, 0x180e }, { 0x2000, 0x200f },
        { 0x2028, 0x202f }, { 0x205f, 0x2064 }, { 0x2066, 0x206f },
        { 0x3000, 0x3000 }, { 0xd800, 0xf8ff }, { 0xfdd0, 0xfdef },
        { 0xfeff, 0xfeff }, { 0xfff9, 0xfffb }, { 0xfffe, 0xffff },
        { 0x110bd, 0x110bd }, { 0x1d173, 0x1d17a }, { 0xe0001, 0xe0001 },
        { 0xe0020, 0xe007f }, { 0xf0000, 0x10ffff },
    };
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
        if (cp >= ranges[i][0] && cp <= ranges[i][1])
            return true;
    return (cp & 0xfffe) == 0xfffe;
}

/* Python's repr of a str (or bytes): the quote is ' unless the text
 * holds ' and no ", and unprintable characters are escaped. */
static void dump_str_repr(FILE *out, const char *s, size_t len, bool bytes)
{
    bool has_sq = memchr(s, '\'', len) != NULL;
    bool has_dq = memchr(s, '"', len) != NULL;
    char q = (has_sq && !has_dq) ? '"' : '\'';
    if (bytes)
        fputc('b', out);
    fputc(q, out);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\' || c == (unsigned char)q)
            fprintf(out, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", out);
        else if (c == '\t')
            fputs("\\t", out);
        else if (c == '\r')
            fputs("\\r", out);
        else if (c < 0x20 || c == 0x7f || (bytes && c >= 0x80))
            fprintf(out, "\\x%02x", c);
        else if (c >= 0x80) {
            /* Decode one (generalized) UTF-8 sequence. */
            int n = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
            unsigned cp = c & (0x3f >> n);
            size_t j = 1;
            for (; j <= (size_t)n && i + j < len; j++)
                cp = (cp << 6) | ((unsigned char)s[i + j] & 0x3f);
            if (!unicode_unprintable(cp))
                fwrite(s + i, 1, j, out);
            else if (cp <= 0xff)
                fprintf(out, "\\x%02x", cp);
            else if (cp <= 0xffff)
                fprintf(out, "\\u%04x", cp);
            else
                fprintf(out, "\\U%08x", cp);
            i += j - 1;
        } else
            fputc(c, out);
    }
    fputc(q, out);
}

/* Python's repr(float): the shortest digits that round-trip, in fixed
 * notation for exponents in [-4, 16) and scientific otherwise. */
static void dump_float_repr(FILE *out, double d)
{
    if (isnan(d)) {
        fputs("nan", out);
        return;
    }
    if (isinf(d)) {
        fputs(d < 0 ? "-inf" : "inf", out);
        return;
    }
    char buf[40];
    for (int prec = 0; prec < 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec, d);
        if (strtod(buf, NULL) == d)
            break;
    }
    /* buf is [-]D[.DDD]e[+-]XX: split it into sign, digits and exponent. */
    char digits[24];
    int nd = 0;
    const char *p = buf;
    if (*p == '-') {
        fputc('-', out);
        p++;
    }
    for (; *p && *p != 'e'; p++)
        if (*p != '.')
            digits[nd++] = *p;
    int exp = atoi(p + 1);
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    if (exp >= -4 && exp < 16) {
        if (exp < 0) {
            fputs("0.", out);
            for (int i = -1; i > exp; i--)
                fputc('0', out);
            fwrite(digits, 1, (size_t)nd, out);
        } else {
            for (int i = 0; i <= exp; i++)
                fputc(i < nd ? digits[i] : '0', out);
            fputc('.', out);
            if (nd > exp + 1)
                fwrite(digits + exp + 1, 1, (size_t)(nd - exp - 1), out);
            else
                fputc('0', out);
        }
    } else {
        fputc(digits[0], out);
        if (nd > 1) {
            fputc('.', out);
            fwrite(digits + 1, 1, (size_t)(nd - 1), out);
        }
        fprintf(out, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    }
}

/* Print a big integer literal's text (any base, with underscores) in
 * decimal, using base-1e9 limbs. */
static void dump_big_int(FILE *out, const char *s, size_t len)
{
    unsigned base = 10;
    size_t i = 0;
    if (len > 1 && s[0] == '0') {
        char b = (char)(s[1] | 0x20);
        base = b == 'x' ? 16 : b == 'o' ? 8 : b == 'b' ? 2 : 10;
        if (base != 10)
            i = 2;
    }
    size_t cap = len / 2 + 2, n = 1;
    uint32_t *limb = calloc(cap, sizeof *limb);
    if (!limb)
        return;
    for (; i < len; i++) {
        char c = s[i];
        if (c == '_')
            continue;
        uint64_t carry = (uint64_t)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        for (size_t k = 0; k < n; k++) {
            uint64_t v = (uint64_t)limb[k] * base + carry;
            limb[k] = (uint32_t)(v % 1000000000u);
            carry = v / 1000000000u;
        }
        if (carry && n < cap)
            limb[n++] = (uint32_t)carry;
    }
    fprintf(out, "%u", (unsigned)limb[n - 1]);
    for (size_t k = n - 1; k-- > 0;)
        fprintf(out, "%09u", (unsigned)limb[k]);
    free(limb);
}

static void dump_constant(FILE *out, const AstConstant *c)
{
    switch (c->kind) {
    case AST_CONST_NONE: fputs("None", out); break;
    case AST_CONST_TRUE: fputs("True", out); break;
    case AST_CONST_FALSE: fputs("False", out); break;
    case AST_CONST_ELLIPSIS: fputs("Ellipsis", out); break;
    case AST_CONST_INT:
        if (c->big)
            dump_big_int(out, c->s, c->len);
        else
            fprintf(out, "%lld", (long long)c->i);
        break;
    case AST_CONST_FLOAT: dump_float_repr(out, c->f); break;
    case AST_CONST_STR: dump_str_repr(out, c->s, c->len, false); break;
    case AST_CONST_BYTES: dump_str_repr(out, c->s, c->len, true); break;
    }
}

/* The dumper writes "Kind(" and then fields separated by ", "; each field
 * helper takes a flag saying whether a separator is due. */
typedef struct Dumper {
    FILE *out;
    bool need_sep;
} Dumper;

static void dump_node(FILE *out, const AstNode *n);

static void field_start(Dumper *d, const char *name)
{
    if (d->need_sep)
        fputs(", ", d->out);
    d->need_sep = true;
    fprintf(d->out, "%s=", name);
}

/* An optional node field: omitted when NULL, as ast.dump omits None. */
static void field_node(Dumper *d, const char *name, const AstNode *n)
{
    if (!n)
        return;
    field_start(d, name);
    dump_node(d->out, n);
}

static void field_list(Dumper *d, const char *name, AstNodeList list)
{
    field_start(d, name);
    fputc('[', d->out);
    for (size_t i = 0; i < list.count; i++) {
        if (i)
            fputs(", ", d->out);
        if (list.items[i])
            dump_node(d->out, list.items[i]);
        else
            fputs("None", d->out);
    }
    fputc(']', d->out);
}

static void field_ident(Dumper *d, const char *name, const char *id)
{
    if (!id)
        return;
    field_start(d, name);
    dump_str_repr(d->out, id, strlen(id), false);
}

static void field_raw(Dumper *d, const char *name, const char *text)
{
    field_start(d, name);
    fputs(text, d->out);
}

static void field_int(Dumper *d, const char *name, int v)
{
    field_start(d, name);
    fprintf(d->out, "%d", v);
}

static void field_op(Dumper *d, const char *name, const char *opname)
{
    field_start(d, name);
    fprintf(d->out, "%s()", opname);
}

static void field_ctx(Dumper *d, AstContext ctx)
{
    field_op(d, "ctx", context_names[ctx]);
}

static void dump_stmt_fields(Dumper *d, const AstNode *n)
{
    switch (n->kind) {
    case AST_FUNCTION_DEF:
        field_ident(d, "name", n->v.function_def.name);
        field_node(d, "args", n->v.function_def.args);
        field_list(d, "body", n->v.function_def.body);
        field_list(d, "decorator_list", n->v.function_def.decorators);
        field_node(d, "returns", n->v.function_def.returns);
        break;
    case AST_CLASS_DEF:
        field_ident(d, "name", n->v.class_def.name);
        field_list(d, "bases", n->v.class_def.bases);
        field_list(d, "keywords", n->v.class_def.keywords);
        field_list(d, "body", n->v.class_def.body);
        field_list(d, "decorator_list", n->v.class_def.decorators);
        break;
    case AST_RETURN:
        field_node(d, "value", n->v.return_.value);
        break;
    case AST_DELETE:
        field_list(d, "targets", n->v.delete_.targets);
        break;
    case AST_ASSIGN:
        field_list(d, "targets", n->v.assign.targets);
        field_node(d, "value", n->v.assign.value);
        break;
    case AST_AUG_ASSIGN:
        field_node(d, "target", n->v.aug_assign.target);
        field_op(d, "op", operator_names[n->v.aug_assign.op]);
        field_node(d, "value", n->v.aug_assign.value);
        break;
    case AST_ANN_ASSIGN:
        field_node(d, "target", n->v.ann_assign.target);
        field_node(d, "annotation", n->v.ann_assign.annotation);
        field_node(d, "value", n->v.ann_assign.value);
        field_int(d, "simple", n->v.ann_assign.simple);
        break;
    case AST_FOR:
        field_node(d, "target", n->v.for_.target);
        field_node(d, "iter", n->v.for_.iter);
        field_list(d, "body", n->v.for_.body);
        field_list(d, "orelse", n->v.for_.orelse);
        break;
    case AST_WHILE:
    case AST_IF:
        field_node(d, "test", n->v.if_.test);
        field_list(d, "body", n->v.if_.body);
        field_list(d, "orelse", n->v.if_.orelse);
        break;
    case AST_WITH:
        field_list(d, "items", n->v.with.items);
        field_list(d, "body", n->v.with.body);
        break;
    case AST_RAISE:
        field_node(d, "exc", n->v.raise.exc);
        field_node(d, "cause", n->v.raise.cause);
        break;
    case AST_TRY:
        field_list(d, "body", n->v.try_.body);
        field_list(d, "handlers", n->v.try_.handlers);
        field_list(d, "orelse", n->v.try_.orelse);
        field_list(d, "finalbody", n->v.try_.finalbody);
        break;
    case AST_ASSERT:
        field_node(d, "test", n->v.assert_.test);
        field_node(d, "msg", n->v.assert_.msg);
        break;
    case AST_IMPORT:
        field_list(d, "names", n->v.import.names);
        break;
    case AST_IMPORT_FROM:
        field_ident(d, "module", n->v.import_from.module);
        field_list(d, "names", n->v.import_from.names);
        field_int(d, "level", n->v.import_from.level);
        break;
    case AST_GLOBAL:
    case AST_NONLOCAL:
        field_start(d, "names");
        fputc('[', d->out);
        for (size_t i = 0; i < n->v.global.names.count; i++) {
            const char *id = n->v.global.names.items[i];
            if (i)
                fputs(", ", d->out);
            dump_str_repr(d->out, id, strlen(id), false);
        }
        fputc(']', d->out);
        break;
    case AST_EXPR:
        field_node(d, "value", n->v.expr.value);
        break;
    default:
        break;
    }
}

static void dump_expr_fields(Dumper *d, const AstNode *n)
{
    switch (n->kind) {
    case AST_BOOL_OP:
        field_op(d, "op", n->v.bool_op.op == AST_BOOL_AND ? "And" : "Or");
        field_list(d, "values", n->v.bool_op.values);
        break;
    case AST_BIN_OP:
        field_node(d, "left", n->v.bin_op.left);
        field_op(d, "op", operator_names[n->v.bin_op.op]);
        field_node(d, "right", n->v.bin_op.right);
        break;
    case AST_UNARY_OP:
        field_op(d, "op", unary_names[n->v.unary_op.op]);
        field_node(d, "operand", n->v.unary_op.operand);
        break;
    case AST_LAMBDA:
        field_node(d, "args", n->v.lambda.args);
        field_node(d, "body", n->v.lambda.body);
        break;
    case AST_IF_EXP:
        field_node(d, "test", n->v.if_exp.test);
        field_node(d, "body", n->v.if_exp.body);
        field_node(d, "orelse", n->v.if_exp.orelse);
        break;
    case AST_DICT:
        field_list(d, "keys", n->v.dict.keys);
        field_list(d, "values", n->v.dict.values);
        break;
    case AST_SET:
        field_list(d, "elts", n->v.set.elts);
        break;
    case AST_LIST_COMP:
    case AST_SET_COMP:
    case AST_GENERATOR_EXP:
        field_node(d, "elt", n->v.comp.elt);
        field_list(d, "generators", n->v.comp.generators);
        break;
    case AST_DICT_COMP:
        field_node(d, "key", n->v.dict_comp.key);
        field_node(d, "value", n->v.dict_comp.value);
        field_list(d, "generators", n->v.dict_comp.generators);
        break;
    case AST_YIELD:
    case AST_YIELD_FROM:
        field_node(d, "value", n->v.yield.value);
        break;
    case AST_COMPARE:
        field_node(d, "left", n->v.compare.left);
        field_start(d, "ops");
        fputc('[', d->out);
        for (size_t i = 0; i < n->v.compare.comparators.count; i++)
            fprintf(d->out, "%s%s()", i ? ", " : "",
                    cmpop_names[n->v.compare.ops[i]]);
        fputc(']', d->out);
        field_list(d, "comparators", n->v.compare.comparators);
        break;
    case AST_CALL:
        field_node(d, "func", n->v.call.func);
        field_list(d, "args", n->v.call.args);
        field_list(d, "keywords", n->v.call.keywords);
        break;
    case AST_FORMATTED_VALUE:
        field_node(d, "value", n->v.formatted_value.value);
        field_int(d, "conversion", n->v.formatted_value.conversion);
        field_node(d, "format_spec", n->v.formatted_value.format_spec);
        break;
    case AST_JOINED_STR:
        field_list(d, "values", n->v.joined_str.values);
        break;
    case AST_CONSTANT:
        field_start(d, "value");
        dump_constant(d->out, &n->v.constant);
        break;
    case AST_ATTRIBUTE:
        field_node(d, "value", n->v.attribute.value);
        field_ident(d, "attr", n->v.attribute.attr);
        field_ctx(d, n->v.attribute.ctx);
        break;
    case AST_SUBSCRIPT:
        field_node(d, "value", n->v.subscript.value);
        field_node(d, "slice", n->v.subscript.slice);
        field_ctx(d, n->v.subscript.ctx);
        break;
    case AST_STARRED:
        field_node(d, "value", n->v.starred.value);
        field_ctx(d, n->v.starred.ctx);
        break;
    case AST_NAME:
        field_ident(d, "id", n->v.name.id);
        field_ctx(d, n->v.name.ctx);
        break;
    case AST_LIST:
    case AST_TUPLE:
        field_list(d, "elts", n->v.seq.elts);
        field_ctx(d, n->v.seq.ctx);
        break;
    case AST_SLICE:
        field_node(d, "lower", n->v.slice.lower);
        field_node(d, "upper", n->v.slice.upper);
        field_node(d, "step", n->v.slice.step);
        break;
    default:
        break;
    }
}

static void dump_helper_fields(Dumper *d, const AstNode *n)
{
    switch (n->kind) {
    case AST_ARGUMENTS:
        field_raw(d, "posonlyargs", "[]");
        field_list(d, "args", n->v.arguments.args);
        field_node(d, "vararg", n->v.arguments.vararg);
        field_list(d, "kwonlyargs", n->v.arguments.kwonlyargs);
        field_list(d, "kw_defaults", n->v.arguments.kw_defaults);
        field_node(d, "kwarg", n->v.arguments.kwarg);
        field_list(d, "defaults", n->v.arguments.defaults);
        break;
    case AST_ARG:
        field_ident(d, "arg", n->v.arg.arg);
        field_node(d, "annotation", n->v.arg.annotation);
        break;
    case AST_KEYWORD:
        field_ident(d, "arg", n->v.keyword.arg);
        field_node(d, "value", n->v.keyword.value);
        break;
    case AST_ALIAS:
        field_ident(d, "name", n->v.alias.name);
        field_ident(d, "asname", n->v.alias.asname);
        break;
    case AST_WITHITEM:
        field_node(d, "context_expr", n->v.withitem.context_expr);
        field_node(d, "optional_vars", n->v.withitem.optional_vars);
        break;
    case AST_EXCEPT_HANDLER:
        field_node(d, "type", n->v.except_handler.type);
        field_ident(d, "name", n->v.except_handler.name);
        field_list(d, "body", n->v.except_handler.body);
        break;
    case AST_COMPREHENSION:
        field_node(d, "target", n->v.comprehension.target);
        field_node(d, "iter", n->v.comprehension.iter);
        field_list(d, "ifs", n->v.comprehension.ifs);
        field_int(d, "is_async", 0);
        break;
    default:
        break;
    }
}

static void dump_node(FILE *out, const AstNode *n)
{
    Dumper d = { out, false };
    fprintf(out, "%s(", ast_kind_name(n->kind));
    if (n->kind == AST_MODULE || n->kind == AST_INTERACTIVE) {
        field_list(&d, "body", n->v.module.body);
        if (n->kind == AST_MODULE)
            field_raw(&d, "type_ignores", "[]");
    } else if (n->kind < AST_BOOL_OP)
        dump_stmt_fields(&d, n);
    else if (n->kind < AST_ARGUMENTS)
        dump_expr_fields(&d, n);
    else
        dump_helper_fields(&d, n);
    fputc(')', out);
}

void ast_dump(FILE *out, const AstNode *node)
{
    if (node)
        dump_node(out, node);
    else
        fputs("None", out);
}

char *ast_dump_string(const AstNode *node)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    if (!f)
        return NULL;
    ast_dump(f, node);
    fclose(f);
    return buf;
}

/* ------------------------------------------------------------------ */
/* Syntax errors                                                       */
/* ------------------------------------------------------------------ */

const char *ast_error_kind_name(SyntaxErrorKind kind)
{
    switch (kind) {
    case SYNTAX_ERR_INDENTATION: return "IndentationError";
    case SYNTAX_ERR_TAB: return "TabError";
    case SYNTAX_ERR_MEMORY: return "MemoryError";
    default: return "SyntaxError";
    }
}

void ast_error_set(SyntaxErrorInfo *err, SyntaxErrorKind kind,
                   const char *filename, int lineno, int offset,
                   int end_lineno, int end_offset,
                   const char *line_start, const char *src_end,
                   const char *fmt, ...)
{
    ast_error_clear(err);
    err->kind = kind;
    err->filename = filename;
    err->lineno = lineno;
    err->offset = offset;
    err->end_lineno = end_lineno;
    err->end_offset = end_offset;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    if (line_start) {
        const char *e = line_start;
        while (e < src_end && *e != '\n')
            e++;
        if (e > line_start && e[-1] == '\r')
            e--;
        size_t n = (size_t)(e - line_start);
        err->text = malloc(n + 1);
        if (err->text) {
            memcpy(err->text, line_start, n);
            err->text[n] = '\0';
        }
    }
}

void ast_error_clear(SyntaxErrorInfo *err)
{
    free(err->text);
    memset(err, 0, sizeof *err);
}

/* Mirrors print_error_text() in CPython 3.11's pythonrun.c: leading blanks
 * are stripped (moving the caret with them), a range that runs past the
 * end of the line is clipped to it, and offsets are used as they are
 * (CPython counts the text in bytes here). */
static void print_error_text(FILE *out, const SyntaxErrorInfo *err)
{
    const char *text = err->text;
    int len = (int)strlen(text);
    /* CPython's text keeps the line's newline; err->text does not. */
    int line_size = len + 1;
    int offset = err->offset, end = err->end_offset;
    /* CPython reads the end of the range of SyntaxError itself only, not
     * of IndentationError or TabError. */
    if (err->kind != SYNTAX_ERR_SYNTAX)
        end = -1;
    else if (err->end_lineno > err->lineno)
        end = line_size;
    if (end > line_size + 1)
        end = line_size + 1;
    int carets = (end > 0 && end > offset) ? end - offset : 1;
    offset--;
    while (*text == ' ' || *text == '\t' || *text == '\f') {
        text++;
        offset--;
        len--;
    }
    if (offset > len)
        offset = len;
    /* Show only the line of a multi-line text that holds the caret. */
    for (;;) {
        const char *nl = strchr(text, '\n');
        if (!nl || nl - text >= offset)
            break;
        int skip = (int)(nl - text) + 1;
        text += skip;
        len -= skip;
        offset -= skip;
    }
    const char *nl = strchr(text, '\n');
    fprintf(out, "    %.*s\n", nl ? (int)(nl - text) : len, text);
    if (offset < 0)
        return;
    fputs("    ", out);
    for (int i = 0; i < offset; i++)
        fputc(' ', out);
    for (int i = 0; i < carets; i++)
        fputc('^', out);
    fputc('\n', out);
}

void ast_error_print(FILE *out, const SyntaxErrorInfo *err)
{
    if (err->lineno > 0)
        fprintf(out, "  File \"%s\", line %d\n",
                err->filename ? err->filename : "<string>", err->lineno);
    if (err->text && err->lineno > 0)
        print_error_text(out, err);
    fprintf(out, "%s: %s\n", ast_error_kind_name(err->kind), err->msg);
}
