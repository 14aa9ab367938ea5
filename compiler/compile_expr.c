/* compile_expr.c - code generation for expressions, assignment targets,
 * conditional jumps, calls, lambdas and comprehensions.
 */
#include <string.h>

#include "compiler/compile_int.h"

/* ---- constants ---------------------------------------------------------- */

/* Strings up to this size are interned, so that the VM can compare them
 * by pointer when they end up as attribute names or dict keys. */
#define INTERN_MAX 64

int comp_constant(Compiler *c, const AstNode *e, Value *out)
{
    const AstConstant *k = &e->v.constant;
    switch (k->kind) {
    case AST_CONST_NONE: *out = V_NONE; return 0;
    case AST_CONST_TRUE: *out = V_TRUE; return 0;
    case AST_CONST_FALSE: *out = V_FALSE; return 0;
    case AST_CONST_ELLIPSIS: *out = V_ELLIPSIS; return 0;
    case AST_CONST_INT:
        if (k->big)
            return comp_error(c, e, "integer literal too large for sigvm "
                                    "(64-bit ints)");
        *out = V_INT(k->i);
        return 0;
    case AST_CONST_FLOAT: *out = V_FLOAT(k->f); return 0;
    case AST_CONST_STR: {
        StrObj *s = str_new(k->s, k->len);
        *out = V_OBJ(k->len <= INTERN_MAX ? str_intern(s) : s);
        return 0;
    }
    case AST_CONST_BYTES:
        *out = V_OBJ(bytes_new(k->s, k->len));
        return 0;
    }
    return comp_error(c, e, "unknown constant");
}

static int load_constant(Compiler *c, const AstNode *e)
{
    Value v;
    TRY(comp_constant(c, e, &v));
    comp_load_const(c, v);
    return 0;
}

/* The value of a literal or a negated number literal; 0 if e is not
 * one, -1 on error. */
static int literal_value(Compiler *c, const AstNode *e, Value *out)
{
    if (e->kind == AST_UNARY_OP && e->v.unary_op.op == AST_UNARY_USUB &&
        e->v.unary_op.operand->kind == AST_CONSTANT) {
        const AstConstant *k = &e->v.unary_op.operand->v.constant;
        if (k->kind == AST_CONST_INT && (!k->big || k->i == INT64_MIN)) {
            *out = V_INT(k->big ? INT64_MIN : -k->i);
            return 1;
        }
        if (k->kind == AST_CONST_FLOAT) {
            *out = V_FLOAT(-k->f);
            return 1;
        }
        return 0;
    }
    if (e->kind != AST_CONSTANT ||
        (e->v.constant.kind == AST_CONST_INT && e->v.constant.big))
        return 0;
    return comp_constant(c, e, out) < 0 ? -1 : 1;
}

/* `-5` and `-2.5` are constants; so is -9223372036854775808, whose
 * positive half alone does not fit. */
static int fold_negative(Compiler *c, const AstNode *e)
{
    Value v;
    int r = literal_value(c, e, &v);
    if (r == 1)
        comp_load_const(c, v);
    return r;
}

/* A tuple display of literals is one constant, as in CPython. */
static int fold_tuple(Compiler *c, const AstNode *e)
{
    const AstNodeList *l = &e->v.seq.elts;
    Value v;
    for (size_t i = 0; i < l->count; i++) {
        int r = literal_value(c, l->items[i], &v);
        if (r <= 0)
            return r;
    }
    TupleObj *t = tuple_new(l->count);
    for (size_t i = 0; i < l->count; i++)
        literal_value(c, l->items[i], &t->items[i]);
    comp_load_const(c, V_OBJ(t));
    return 1;
}

/* ---- displays ------------------------------------------------------------ */

/* Build a list, set or tuple from elements that may include *iterables;
 * `pushed` values already on the stack become its first items. */
static int starunpack(Compiler *c, const AstNodeList *elts, int pushed,
                      int build, int add, int extend, int tuple)
{
    int seen_star = 0;
    for (size_t i = 0; i < elts->count; i++)
        if (elts->items[i]->kind == AST_STARRED)
            seen_star = 1;
    if (!seen_star) {
        for (size_t i = 0; i < elts->count; i++)
            TRY(comp_expr(c, elts->items[i]));
        comp_op(c, tuple ? OP_BUILD_TUPLE : build, (int)elts->count + pushed);
        return 0;
    }
    int built = 0;
    for (size_t i = 0; i < elts->count; i++) {
        const AstNode *x = elts->items[i];
        if (x->kind == AST_STARRED) {
            if (!built) {
                comp_op(c, build, (int)i + pushed);
                built = 1;
            }
            TRY(comp_expr(c, x->v.starred.value));
            comp_op(c, extend, 1);
        } else {
            TRY(comp_expr(c, x));
            if (built)
                comp_op(c, add, 1);
        }
    }
    if (tuple)
        comp_op(c, OP_LIST_TO_TUPLE, 0);
    return 0;
}

static int subdict(Compiler *c, const AstNode *e, size_t begin, size_t end)
{
    for (size_t i = begin; i < end; i++) {
        TRY(comp_expr(c, e->v.dict.keys.items[i]));
        TRY(comp_expr(c, e->v.dict.values.items[i]));
    }
    comp_op(c, OP_BUILD_MAP, (int)(end - begin));
    return 0;
}

/* {a: b, **m, c: d}: runs of key/value pairs become BUILD_MAPs merged
 * with DICT_UPDATE into the first, as CPython does. */
static int compile_dict(Compiler *c, const AstNode *e)
{
    size_t n = e->v.dict.values.count, run = 0;
    int have_dict = 0;
    for (size_t i = 0; i < n; i++) {
        if (e->v.dict.keys.items[i]) {
            run++;
            continue;
        }
        if (run) {
            TRY(subdict(c, e, i - run, i));
            if (have_dict)
                comp_op(c, OP_DICT_UPDATE, 1);
            have_dict = 1;
            run = 0;
        }
        if (!have_dict) {
            comp_op(c, OP_BUILD_MAP, 0);
            have_dict = 1;
        }
        TRY(comp_expr(c, e->v.dict.values.items[i]));
        comp_op(c, OP_DICT_UPDATE, 1);
    }
    if (run) {
        TRY(subdict(c, e, n - run, n));
        if (have_dict)
            comp_op(c, OP_DICT_UPDATE, 1);
        have_dict = 1;
    }
    if (!have_dict)
        comp_op(c, OP_BUILD_MAP, 0);
    return 0;
}

/* ---- operators ------------------------------------------------------------ */

int comp_binop_arg(AstOperator op)
{
    static const int map[] = {
        [AST_OP_ADD] = BOP_ADD, [AST_OP_SUB] = BOP_SUB,
        [AST_OP_MULT] = BOP_MUL, [AST_OP_MATMULT] = BOP_MATMUL,
        [AST_OP_DIV] = BOP_TRUEDIV, [AST_OP_MOD] = BOP_MOD,
        [AST_OP_POW] = BOP_POW, [AST_OP_LSHIFT] = BOP_LSHIFT,
        [AST_OP_RSHIFT] = BOP_RSHIFT, [AST_OP_BITOR] = BOP_OR,
        [AST_OP_BITXOR] = BOP_XOR, [AST_OP_BITAND] = BOP_AND,
        [AST_OP_FLOORDIV] = BOP_FLOORDIV,
    };
    return map[op];
}

static void emit_compare(Compiler *c, AstCmpOp op)
{
    switch (op) {
    case AST_CMP_EQ: comp_op(c, OP_COMPARE_OP, CMP_EQ); break;
    case AST_CMP_NOT_EQ: comp_op(c, OP_COMPARE_OP, CMP_NE); break;
    case AST_CMP_LT: comp_op(c, OP_COMPARE_OP, CMP_LT); break;
    case AST_CMP_LT_E: comp_op(c, OP_COMPARE_OP, CMP_LE); break;
    case AST_CMP_GT: comp_op(c, OP_COMPARE_OP, CMP_GT); break;
    case AST_CMP_GT_E: comp_op(c, OP_COMPARE_OP, CMP_GE); break;
    case AST_CMP_IS: comp_op(c, OP_IS_OP, 0); break;
    case AST_CMP_IS_NOT: comp_op(c, OP_IS_OP, 1); break;
    case AST_CMP_IN: comp_op(c, OP_CONTAINS_OP, 0); break;
    case AST_CMP_NOT_IN: comp_op(c, OP_CONTAINS_OP, 1); break;
    }
}

/* a < b < c: each middle operand is evaluated once (DUP_TOP, ROT_THREE)
 * and the chain stops at the first false comparison. */
static int compile_compare(Compiler *c, const AstNode *e)
{
    size_t n = e->v.compare.comparators.count - 1;
    const AstNode *const *cmp = (const AstNode *const *)e->v.compare.comparators.items;
    TRY(comp_expr(c, e->v.compare.left));
    if (n == 0) {
        TRY(comp_expr(c, cmp[0]));
        emit_compare(c, e->v.compare.ops[0]);
        return 0;
    }
    int cleanup = comp_new_label(c), end = comp_new_label(c);
    for (size_t i = 0; i < n; i++) {
        TRY(comp_expr(c, cmp[i]));
        comp_op(c, OP_DUP_TOP, 0);
        comp_op(c, OP_ROT_THREE, 0);
        emit_compare(c, e->v.compare.ops[i]);
        comp_jump(c, OP_JUMP_IF_FALSE_OR_POP, cleanup);
    }
    TRY(comp_expr(c, cmp[n]));
    emit_compare(c, e->v.compare.ops[n]);
    comp_jump(c, OP_JUMP, end);
    comp_place(c, cleanup);
    comp_op(c, OP_ROT_TWO, 0);
    comp_op(c, OP_POP_TOP, 0);
    comp_place(c, end);
    return 0;
}

static int compile_boolop(Compiler *c, const AstNode *e)
{
    int op = e->v.bool_op.op == AST_BOOL_AND ? OP_JUMP_IF_FALSE_OR_POP
                                             : OP_JUMP_IF_TRUE_OR_POP;
    int end = comp_new_label(c);
    size_t n = e->v.bool_op.values.count;
    for (size_t i = 0; i + 1 < n; i++) {
        TRY(comp_expr(c, e->v.bool_op.values.items[i]));
        comp_jump(c, op, end);
    }
    TRY(comp_expr(c, e->v.bool_op.values.items[n - 1]));
    comp_place(c, end);
    return 0;
}

static int compile_unary(Compiler *c, const AstNode *e)
{
    int folded = fold_negative(c, e);
    if (folded != 0)
        return folded < 0 ? -1 : 0;
    TRY(comp_expr(c, e->v.unary_op.operand));
    switch (e->v.unary_op.op) {
    case AST_UNARY_INVERT: comp_op(c, OP_UNARY_INVERT, 0); break;
    case AST_UNARY_NOT: comp_op(c, OP_UNARY_NOT, 0); break;
    case AST_UNARY_UADD: comp_op(c, OP_UNARY_POSITIVE, 0); break;
    case AST_UNARY_USUB: comp_op(c, OP_UNARY_NEGATIVE, 0); break;
    }
    return 0;
}

static int compile_ifexp(Compiler *c, const AstNode *e)
{
    int end = comp_new_label(c), next = comp_new_label(c);
    TRY(comp_jump_if(c, e->v.if_exp.test, next, 0));
    TRY(comp_expr(c, e->v.if_exp.body));
    comp_jump(c, OP_JUMP, end);
    comp_place(c, next);
    TRY(comp_expr(c, e->v.if_exp.orelse));
    comp_place(c, end);
    return 0;
}

/* ---- conditional jumps ------------------------------------------------------ */

int comp_const_truth(const AstNode *e)
{
    if (e->kind != AST_CONSTANT)
        return -1;
    const AstConstant *k = &e->v.constant;
    switch (k->kind) {
    case AST_CONST_NONE:
    case AST_CONST_FALSE: return 0;
    case AST_CONST_TRUE:
    case AST_CONST_ELLIPSIS: return 1;
    case AST_CONST_INT: return k->big ? -1 : k->i != 0;
    case AST_CONST_FLOAT: return k->f != 0.0;
    case AST_CONST_STR:
    case AST_CONST_BYTES: return k->len != 0;
    }
    return -1;
}

static int jump_if_compare(Compiler *c, const AstNode *e, int label, int cond)
{
    size_t n = e->v.compare.comparators.count - 1;
    const AstNode *const *cmp = (const AstNode *const *)e->v.compare.comparators.items;
    int cleanup = comp_new_label(c), end = comp_new_label(c);
    TRY(comp_expr(c, e->v.compare.left));
    for (size_t i = 0; i < n; i++) {
        TRY(comp_expr(c, cmp[i]));
        comp_op(c, OP_DUP_TOP, 0);
        comp_op(c, OP_ROT_THREE, 0);
        emit_compare(c, e->v.compare.ops[i]);
        comp_jump(c, OP_POP_JUMP_IF_FALSE, cleanup);
    }
    TRY(comp_expr(c, cmp[n]));
    emit_compare(c, e->v.compare.ops[n]);
    comp_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
    comp_jump(c, OP_JUMP, end);
    comp_place(c, cleanup);
    comp_op(c, OP_POP_TOP, 0);
    if (!cond)
        comp_jump(c, OP_JUMP, label);
    comp_place(c, end);
    return 0;
}

/* Jump to label when the truth of e equals cond, without materialising
 * booleans for `not`, `and`, `or`, conditional expressions and chained
 * comparisons (CPython's compiler_jump_if). */
int comp_jump_if(Compiler *c, const AstNode *e, int label, int cond)
{
    int saved = c->u->line;
    c->u->line = e->lineno;
    int r = 0;
    int truth = comp_const_truth(e);
    if (truth >= 0) {
        if (truth == cond)
            comp_jump(c, OP_JUMP, label);
    } else if (e->kind == AST_UNARY_OP && e->v.unary_op.op == AST_UNARY_NOT) {
        r = comp_jump_if(c, e->v.unary_op.operand, label, !cond);
    } else if (e->kind == AST_BOOL_OP) {
        const AstNodeList *v = &e->v.bool_op.values;
        int cond2 = e->v.bool_op.op == AST_BOOL_OR;
        int next2 = cond2 != cond ? comp_new_label(c) : label;
        for (size_t i = 0; r == 0 && i + 1 < v->count; i++)
            r = comp_jump_if(c, v->items[i], next2, cond2);
        if (r == 0)
            r = comp_jump_if(c, v->items[v->count - 1], label, cond);
        if (next2 != label)
            comp_place(c, next2);
    } else if (e->kind == AST_IF_EXP) {
        int end = comp_new_label(c), next2 = comp_new_label(c);
        r = comp_jump_if(c, e->v.if_exp.test, next2, 0);
        if (r == 0)
            r = comp_jump_if(c, e->v.if_exp.body, label, cond);
        comp_jump(c, OP_JUMP, end);
        comp_place(c, next2);
        if (r == 0)
            r = comp_jump_if(c, e->v.if_exp.orelse, label, cond);
        comp_place(c, end);
    } else if (e->kind == AST_COMPARE && e->v.compare.comparators.count > 1) {
        r = jump_if_compare(c, e, label, cond);
    } else {
        r = comp_expr(c, e);
        comp_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
    }
    c->u->line = saved;
    return r;
}

/* ---- calls -------------------------------------------------------------------- */

/* Keyword arguments begin..end as a dict: for CALL_FUNCTION_EX. */
static int subkwargs(Compiler *c, const AstNodeList *kws, size_t begin,
                     size_t end)
{
    for (size_t i = begin; i < end; i++) {
        const AstNode *k = kws->items[i];
        comp_load_const(c, V_OBJ(comp_intern(c, k->v.keyword.arg)));
        TRY(comp_expr(c, k->v.keyword.value));
    }
    comp_op(c, OP_BUILD_MAP, (int)(end - begin));
    return 0;
}

static int kwnames_const(Compiler *c, const AstNodeList *kws)
{
    TupleObj *t = tuple_new(kws->count);
    for (size_t i = 0; i < kws->count; i++)
        t->items[i] = V_OBJ(comp_intern(c, kws->items[i]->v.keyword.arg));
    comp_load_const(c, V_OBJ(t));
    return 0;
}

/* f(*a, **k) and mixtures: positional arguments as one tuple, keywords
 * as one dict (DICT_MERGE rejects duplicate keywords). */
static int call_ex(Compiler *c, int pushed, const AstNodeList *args,
                   const AstNodeList *kws)
{
    if (pushed == 0 && args->count == 1 && args->items[0]->kind == AST_STARRED)
        TRY(comp_expr(c, args->items[0]->v.starred.value));
    else
        TRY(starunpack(c, args, pushed, OP_BUILD_LIST, OP_LIST_APPEND,
                       OP_LIST_EXTEND, 1));
    if (kws->count == 0) {
        comp_op(c, OP_CALL_FUNCTION_EX, 0);
        return 0;
    }
    int have_dict = 0;
    size_t seen = 0;
    for (size_t i = 0; i < kws->count; i++) {
        const AstNode *k = kws->items[i];
        if (k->v.keyword.arg) {
            seen++;
            continue;
        }
        if (seen) {
            TRY(subkwargs(c, kws, i - seen, i));
            if (have_dict)
                comp_op(c, OP_DICT_MERGE, 1);
            have_dict = 1;
            seen = 0;
        }
        if (!have_dict) {
            comp_op(c, OP_BUILD_MAP, 0);
            have_dict = 1;
        }
        TRY(comp_expr(c, k->v.keyword.value));
        comp_op(c, OP_DICT_MERGE, 1);
    }
    if (seen) {
        TRY(subkwargs(c, kws, kws->count - seen, kws->count));
        if (have_dict)
            comp_op(c, OP_DICT_MERGE, 1);
    }
    comp_op(c, OP_CALL_FUNCTION_EX, 1);
    return 0;
}

int comp_call_helper(Compiler *c, int pushed, const AstNodeList *args,
                     const AstNodeList *kws)
{
    for (size_t i = 0; i < args->count; i++)
        if (args->items[i]->kind == AST_STARRED)
            return call_ex(c, pushed, args, kws);
    for (size_t i = 0; i < kws->count; i++)
        if (!kws->items[i]->v.keyword.arg)
            return call_ex(c, pushed, args, kws);
    for (size_t i = 0; i < args->count; i++)
        TRY(comp_expr(c, args->items[i]));
    if (kws->count == 0) {
        comp_op(c, OP_CALL_FUNCTION, pushed + (int)args->count);
        return 0;
    }
    for (size_t i = 0; i < kws->count; i++)
        TRY(comp_expr(c, kws->items[i]->v.keyword.value));
    TRY(kwnames_const(c, kws));
    comp_op(c, OP_CALL_FUNCTION_KW, pushed + (int)(args->count + kws->count));
    return 0;
}

/* The line CPython 3.11 gives an attribute access or method call that
 * spans lines: the line where the attribute name is. */
static int attr_line(const AstNode *call, const AstNode *attr)
{
    return attr->end_lineno != call->lineno ? attr->end_lineno : call->lineno;
}

/* o.m(args) without keywords or unpacking: LOAD_METHOD avoids making a
 * bound method object. */
static int try_method_call(Compiler *c, const AstNode *e)
{
    const AstNode *f = e->v.call.func;
    const AstNodeList *args = &e->v.call.args;
    if (f->kind != AST_ATTRIBUTE || e->v.call.keywords.count)
        return 0;
    for (size_t i = 0; i < args->count; i++)
        if (args->items[i]->kind == AST_STARRED)
            return 0;
    TRY(comp_expr(c, f->v.attribute.value));
    int line = attr_line(e, f);
    c->u->line = line;
    comp_name_op(c, OP_LOAD_METHOD, f->v.attribute.attr);
    for (size_t i = 0; i < args->count; i++)
        TRY(comp_expr(c, args->items[i]));
    c->u->line = line;
    comp_op(c, OP_CALL_METHOD, (int)args->count);
    return 1;
}

static int compile_call(Compiler *c, const AstNode *e)
{
    int r = try_method_call(c, e);
    if (r != 0)
        return r < 0 ? -1 : 0;
    TRY(comp_expr(c, e->v.call.func));
    return comp_call_helper(c, 0, &e->v.call.args, &e->v.call.keywords);
}

/* ---- f-strings ------------------------------------------------------------------ */

static int compile_formatted(Compiler *c, const AstNode *e)
{
    int arg;
    switch (e->v.formatted_value.conversion) {
    case 's': arg = 1; break;
    case 'r': arg = 2; break;
    case 'a': arg = 3; break;
    default: arg = 0; break;
    }
    TRY(comp_expr(c, e->v.formatted_value.value));
    if (e->v.formatted_value.format_spec) {
        TRY(comp_expr(c, e->v.formatted_value.format_spec));
        arg |= 4;
    }
    comp_op(c, OP_FORMAT_VALUE, arg);
    return 0;
}

/* BUILD_STRING in chunks keeps long f-strings from needing a deep stack;
 * the partial results are joined the same way. */
static int compile_joined(Compiler *c, const AstNode *e)
{
    const AstNodeList *v = &e->v.joined_str.values;
    if (v->count == 0) {
        comp_load_const(c, V_OBJ(str_intern_cstr("")));
        return 0;
    }
    if (v->count == 1 && v->items[0]->kind == AST_CONSTANT)
        return comp_expr(c, v->items[0]);
    enum { CHUNK = 32 };
    int parts = 0, pending = 0;
    for (size_t i = 0; i < v->count; i++) {
        TRY(comp_expr(c, v->items[i]));
        if (++pending == CHUNK && i + 1 < v->count) {
            comp_op(c, OP_BUILD_STRING, pending);
            pending = 0;
            parts++;
        }
    }
    if (parts == 0 && pending == 1)
        return 0; /* FORMAT_VALUE already made the str */
    comp_op(c, OP_BUILD_STRING, pending + parts);
    return 0;
}

/* ---- names, attributes, subscripts, targets ----------------------------------- */

static int compile_slice(Compiler *c, const AstNode *e)
{
    const AstNode *parts[3] = {e->v.slice.lower, e->v.slice.upper,
                               e->v.slice.step};
    int n = parts[2] ? 3 : 2;
    for (int i = 0; i < n; i++) {
        if (parts[i])
            TRY(comp_expr(c, parts[i]));
        else
            comp_load_const(c, V_NONE);
    }
    comp_op(c, OP_BUILD_SLICE, n);
    return 0;
}

static int unpack_target(Compiler *c, const AstNode *t)
{
    const AstNodeList *elts = &t->v.seq.elts;
    size_t n = elts->count;
    int star = -1;
    for (size_t i = 0; i < n; i++) {
        if (elts->items[i]->kind != AST_STARRED)
            continue;
        if (star >= 0)
            return comp_error(c, t, "multiple starred expressions in assignment");
        star = (int)i;
    }
    if (star >= 0) {
        int after = (int)n - star - 1;
        if (star >= 256 || after >= (1 << 15))
            return comp_error(c, t, "too many expressions in star-unpacking "
                                    "assignment");
        comp_op(c, OP_UNPACK_EX, star | (after << 8));
    } else {
        comp_op(c, OP_UNPACK_SEQUENCE, (int)n);
    }
    for (size_t i = 0; i < n; i++) {
        const AstNode *x = elts->items[i];
        TRY(comp_store_target(c, x->kind == AST_STARRED ? x->v.starred.value : x));
    }
    return 0;
}

int comp_store_target(Compiler *c, const AstNode *t)
{
    int saved = c->u->line;
    c->u->line = t->lineno;
    int r = 0;
    switch (t->kind) {
    case AST_NAME:
        r = comp_nameop(c, t->v.name.id, AST_CTX_STORE);
        break;
    case AST_ATTRIBUTE:
        r = comp_expr(c, t->v.attribute.value);
        c->u->line = t->lineno;
        comp_name_op(c, OP_STORE_ATTR, t->v.attribute.attr);
        break;
    case AST_SUBSCRIPT:
        r = comp_expr(c, t->v.subscript.value);
        if (r == 0)
            r = comp_expr(c, t->v.subscript.slice);
        c->u->line = t->lineno;
        comp_op(c, OP_STORE_SUBSCR, 0);
        break;
    case AST_TUPLE:
    case AST_LIST:
        r = unpack_target(c, t);
        break;
    case AST_STARRED:
        r = comp_error(c, t, "starred assignment target must be in a list or "
                             "tuple");
        break;
    default:
        r = comp_error(c, t, "cannot assign to expression");
        break;
    }
    c->u->line = saved;
    return r;
}

/* ---- lambdas and comprehensions ------------------------------------------------- */

int comp_default_args(Compiler *c, const AstNode *args, int *flags)
{
    const AstNodeList *d = &args->v.arguments.defaults;
    if (d->count) {
        for (size_t i = 0; i < d->count; i++)
            TRY(comp_expr(c, d->items[i]));
        comp_op(c, OP_BUILD_TUPLE, (int)d->count);
        *flags |= 0x01;
    }
    const AstNodeList *kd = &args->v.arguments.kw_defaults;
    const AstNodeList *kw = &args->v.arguments.kwonlyargs;
    int n = 0;
    for (size_t i = 0; i < kd->count; i++) {
        if (!kd->items[i])
            continue;
        comp_load_const(c, V_OBJ(comp_intern(c, kw->items[i]->v.arg.arg)));
        TRY(comp_expr(c, kd->items[i]));
        n++;
    }
    if (n) {
        comp_op(c, OP_BUILD_MAP, n);
        *flags |= 0x02;
    }
    return 0;
}

static int compile_lambda(Compiler *c, const AstNode *e)
{
    const AstNode *args = e->v.lambda.args;
    int flags = 0;
    TRY(comp_default_args(c, args, &flags));
    SymtBlock *ste = symt_block_of(c->st, e);
    TRY(comp_enter_unit(c, ste, UNIT_FUNCTION, "<lambda>", e->lineno));
    comp_add_const(c, V_NONE); /* a lambda has no docstring */
    c->u->argcount = (int)args->v.arguments.args.count;
    c->u->kwonlyargcount = (int)args->v.arguments.kwonlyargs.count;
    TRY(comp_expr(c, e->v.lambda.body));
    if (ste->generator) {
        comp_op(c, OP_POP_TOP, 0);
        comp_load_const(c, V_NONE);
    }
    comp_op(c, OP_RETURN_VALUE, 0);
    CodeObj *co = comp_exit_unit(c);
    if (!co)
        return -1;
    return comp_make_closure(c, co, flags);
}

/* One `for` clause of a comprehension and, recursively, the ones inside
 * it; the innermost adds the element.  The first clause iterates over the
 * function's argument `.0`. */
static int comprehension_loop(Compiler *c, const AstNode *e,
                              const AstNodeList *gens, size_t idx)
{
    const AstNode *g = gens->items[idx];
    int start = comp_new_label(c), if_cleanup = comp_new_label(c);
    int anchor = comp_new_label(c);
    if (idx == 0) {
        comp_op(c, OP_LOAD_FAST, 0);
    } else {
        TRY(comp_expr(c, g->v.comprehension.iter));
        comp_op(c, OP_GET_ITER, 0);
    }
    comp_place(c, start);
    comp_jump(c, OP_FOR_ITER, anchor);
    TRY(comp_store_target(c, g->v.comprehension.target));
    for (size_t i = 0; i < g->v.comprehension.ifs.count; i++)
        TRY(comp_jump_if(c, g->v.comprehension.ifs.items[i], if_cleanup, 0));
    if (idx + 1 < gens->count) {
        TRY(comprehension_loop(c, e, gens, idx + 1));
    } else {
        int depth = (int)gens->count + 1;
        switch (e->kind) {
        case AST_GENERATOR_EXP:
            TRY(comp_expr(c, e->v.comp.elt));
            comp_op(c, OP_YIELD_VALUE, 0);
            comp_op(c, OP_POP_TOP, 0);
            break;
        case AST_LIST_COMP:
            TRY(comp_expr(c, e->v.comp.elt));
            comp_op(c, OP_LIST_APPEND, depth);
            break;
        case AST_SET_COMP:
            TRY(comp_expr(c, e->v.comp.elt));
            comp_op(c, OP_SET_ADD, depth);
            break;
        default:
            TRY(comp_expr(c, e->v.dict_comp.key));
            TRY(comp_expr(c, e->v.dict_comp.value));
            comp_op(c, OP_MAP_ADD, depth);
            break;
        }
    }
    comp_place(c, if_cleanup);
    c->u->line = e->lineno;
    comp_jump(c, OP_JUMP, start);
    comp_place(c, anchor);
    return 0;
}

static int compile_comprehension(Compiler *c, const AstNode *e)
{
    static const char *const names[] = {
        [AST_LIST_COMP] = "<listcomp>", [AST_SET_COMP] = "<setcomp>",
        [AST_DICT_COMP] = "<dictcomp>", [AST_GENERATOR_EXP] = "<genexpr>",
    };
    const AstNodeList *gens = e->kind == AST_DICT_COMP
                                  ? &e->v.dict_comp.generators
                                  : &e->v.comp.generators;
    SymtBlock *ste = symt_block_of(c->st, e);
    TRY(comp_enter_unit(c, ste, UNIT_FUNCTION, names[e->kind], e->lineno));
    comp_add_const(c, V_NONE);
    c->u->argcount = 1;
    switch (e->kind) {
    case AST_LIST_COMP: comp_op(c, OP_BUILD_LIST, 0); break;
    case AST_SET_COMP: comp_op(c, OP_BUILD_SET, 0); break;
    case AST_DICT_COMP: comp_op(c, OP_BUILD_MAP, 0); break;
    default: break;
    }
    TRY(comprehension_loop(c, e, gens, 0));
    if (e->kind == AST_GENERATOR_EXP)
        comp_load_const(c, V_NONE);
    comp_op(c, OP_RETURN_VALUE, 0);
    CodeObj *co = comp_exit_unit(c);
    if (!co)
        return -1;
    TRY(comp_make_closure(c, co, 0));
    TRY(comp_expr(c, gens->items[0]->v.comprehension.iter));
    comp_op(c, OP_GET_ITER, 0);
    comp_op(c, OP_CALL_FUNCTION, 1);
    return 0;
}

static int compile_yield(Compiler *c, const AstNode *e)
{
    if (c->u->kind != UNIT_FUNCTION)
        return comp_error(c, e, "'yield' outside function");
    if (e->kind == AST_YIELD_FROM) {
        TRY(comp_expr(c, e->v.yield.value));
        comp_op(c, OP_GET_YIELD_FROM_ITER, 0);
        comp_load_const(c, V_NONE);
        comp_op(c, OP_YIELD_FROM, 0);
        return 0;
    }
    if (e->v.yield.value)
        TRY(comp_expr(c, e->v.yield.value));
    else
        comp_load_const(c, V_NONE);
    comp_op(c, OP_YIELD_VALUE, 0);
    return 0;
}

/* ---- dispatch -------------------------------------------------------------------- */

static int compile_expr_kind(Compiler *c, const AstNode *e)
{
    switch (e->kind) {
    case AST_BOOL_OP: return compile_boolop(c, e);
    case AST_BIN_OP:
        TRY(comp_expr(c, e->v.bin_op.left));
        TRY(comp_expr(c, e->v.bin_op.right));
        comp_op(c, OP_BINARY_OP, comp_binop_arg(e->v.bin_op.op));
        return 0;
    case AST_UNARY_OP: return compile_unary(c, e);
    case AST_LAMBDA: return compile_lambda(c, e);
    case AST_IF_EXP: return compile_ifexp(c, e);
    case AST_DICT: return compile_dict(c, e);
    case AST_SET:
        return starunpack(c, &e->v.set.elts, 0, OP_BUILD_SET, OP_SET_ADD,
                          OP_SET_UPDATE, 0);
    case AST_LIST_COMP:
    case AST_SET_COMP:
    case AST_DICT_COMP:
    case AST_GENERATOR_EXP: return compile_comprehension(c, e);
    case AST_YIELD:
    case AST_YIELD_FROM: return compile_yield(c, e);
    case AST_COMPARE: return compile_compare(c, e);
    case AST_CALL: return compile_call(c, e);
    case AST_FORMATTED_VALUE: return compile_formatted(c, e);
    case AST_JOINED_STR: return compile_joined(c, e);
    case AST_CONSTANT: return load_constant(c, e);
    case AST_ATTRIBUTE:
        TRY(comp_expr(c, e->v.attribute.value));
        c->u->line = attr_line(e, e);
        comp_name_op(c, OP_LOAD_ATTR, e->v.attribute.attr);
        return 0;
    case AST_SUBSCRIPT:
        TRY(comp_expr(c, e->v.subscript.value));
        TRY(comp_expr(c, e->v.subscript.slice));
        comp_op(c, OP_BINARY_SUBSCR, 0);
        return 0;
    case AST_STARRED:
        return comp_error(c, e, "can't use starred expression here");
    case AST_NAME: return comp_nameop(c, e->v.name.id, AST_CTX_LOAD);
    case AST_LIST:
        return starunpack(c, &e->v.seq.elts, 0, OP_BUILD_LIST, OP_LIST_APPEND,
                          OP_LIST_EXTEND, 0);
    case AST_TUPLE: {
        int r = fold_tuple(c, e);
        if (r != 0)
            return r < 0 ? -1 : 0;
        return starunpack(c, &e->v.seq.elts, 0, OP_BUILD_LIST, OP_LIST_APPEND,
                          OP_LIST_EXTEND, 1);
    }
    case AST_SLICE: return compile_slice(c, e);
    default:
        return comp_error(c, e, "%s is not supported by sigvm",
                          ast_kind_name(e->kind));
    }
}

int comp_expr(Compiler *c, const AstNode *e)
{
    int saved = c->u->line;
    c->u->line = e->lineno;
    int r = compile_expr_kind(c, e);
    c->u->line = saved;
    return r;
}
