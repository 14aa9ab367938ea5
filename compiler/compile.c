/* compile.c - the code generator's core: compilation units, constants and
 * names, SyntaxErrors, the name operations that the symbol table decides,
 * the block stack that break/continue/return unwind, and the entry points.
 *
 * The generator follows CPython 3.10's compiler.c closely in what it
 * emits, adapted to sigvm's instruction set (runtime/opcodes.h): one
 * value per exception, absolute jumps, BINARY_OP.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/compile_int.h"
#include "compiler/parser.h"

/* ---- growable arrays ------------------------------------------------ */

static int grow(Compiler *c, void **arr, int *cap, int need, size_t elem)
{
    if (need <= *cap)
        return 0;
    int ncap = *cap ? *cap * 2 : 16;
    while (ncap < need)
        ncap *= 2;
    void *p = realloc(*arr, (size_t)ncap * elem);
    if (!p) {
        c->oom = 1;
        return -1;
    }
    *arr = p;
    *cap = ncap;
    return 0;
}

/* ---- instructions and labels ---------------------------------------- */

void comp_op(Compiler *c, int op, int arg)
{
    Unit *u = c->u;
    if (grow(c, (void **)&u->ins, &u->capins, u->nins + 1, sizeof *u->ins))
        return;
    u->ins[u->nins].op = op;
    u->ins[u->nins].arg = arg;
    u->ins[u->nins].line = u->line;
    u->nins++;
}

void comp_jump(Compiler *c, int op, int label)
{
    comp_op(c, op, label);
}

int comp_new_label(Compiler *c)
{
    Unit *u = c->u;
    if (grow(c, (void **)&u->labels, &u->caplabels, u->nlabels + 1,
             sizeof *u->labels))
        return 0;
    u->labels[u->nlabels] = -1;
    return u->nlabels++;
}

void comp_place(Compiler *c, int label)
{
    if (label < c->u->nlabels)
        c->u->labels[label] = c->u->nins;
}

/* ---- constants and names -------------------------------------------- */

StrObj *comp_intern(Compiler *c, const char *s)
{
    (void)c;
    return str_intern_cstr(s);
}

/* Constants are shared when equal and of the same type (1, 1.0 and True
 * stay apart, as do 0.0 and -0.0); code objects never are. */
static int const_same(Value a, Value b)
{
    if (a.tag != b.tag)
        return 0;
    if (a.tag != VT_OBJ)
        return a.as.i == b.as.i;
    Obj *x = AS_OBJ(a), *y = AS_OBJ(b);
    if (x == y)
        return 1;
    if (x->type != y->type)
        return 0;
    if (x->type == &str_type) {
        StrObj *s = (StrObj *)x, *t = (StrObj *)y;
        return s->nbytes == t->nbytes && memcmp(s->data, t->data, s->nbytes) == 0;
    }
    if (x->type == &bytes_type) {
        BytesObj *s = (BytesObj *)x, *t = (BytesObj *)y;
        return s->n == t->n && memcmp(s->data, t->data, s->n) == 0;
    }
    if (x->type == &tuple_type) {
        TupleObj *s = (TupleObj *)x, *t = (TupleObj *)y;
        if (s->n != t->n)
            return 0;
        for (size_t i = 0; i < s->n; i++)
            if (!const_same(s->items[i], t->items[i]))
                return 0;
        return 1;
    }
    return 0;
}

static uint32_t mix(uint32_t h, uint64_t x)
{
    h ^= (uint32_t)x ^ (uint32_t)(x >> 32);
    return h * 16777619u;
}

static uint32_t bytes_hash(uint32_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 16777619u;
    return h;
}

/* A hash consistent with const_same, for the constant index. */
static uint32_t const_hash(Value v)
{
    uint32_t h = mix(2166136261u, v.tag);
    if (v.tag != VT_OBJ)
        return mix(h, (uint64_t)v.as.i);
    Obj *o = AS_OBJ(v);
    if (o->type == &str_type)
        return bytes_hash(h, ((StrObj *)o)->data, ((StrObj *)o)->nbytes);
    if (o->type == &bytes_type)
        return bytes_hash(h ^ 1u, ((BytesObj *)o)->data, ((BytesObj *)o)->n);
    if (o->type == &tuple_type) {
        TupleObj *t = (TupleObj *)o;
        for (size_t i = 0; i < t->n; i++)
            h = mix(h, const_hash(t->items[i]));
        return h;
    }
    return mix(h, (uint64_t)(uintptr_t)o);
}

static int const_rehash(Compiler *c, Unit *u, int nindex)
{
    int32_t *idx = malloc((size_t)nindex * sizeof *idx);
    if (!idx) {
        c->oom = 1;
        return -1;
    }
    for (int i = 0; i < nindex; i++)
        idx[i] = -1;
    for (int k = 0; k < u->nconsts; k++) {
        uint32_t i = const_hash(u->consts[k]) & (uint32_t)(nindex - 1);
        while (idx[i] >= 0)
            i = (i + 1) & (uint32_t)(nindex - 1);
        idx[i] = k;
    }
    free(u->const_index);
    u->const_index = idx;
    u->nconst_index = nindex;
    return 0;
}

/* Constants are found through a small open-addressing index, so a big
 * module does not pay a scan per literal. */
int comp_add_const(Compiler *c, Value v)
{
    Unit *u = c->u;
    if ((u->nconsts + 1) * 2 > u->nconst_index &&
        const_rehash(c, u, u->nconst_index ? u->nconst_index * 2 : 32) < 0)
        return 0;
    uint32_t mask = (uint32_t)u->nconst_index - 1;
    uint32_t i = const_hash(v) & mask;
    for (; u->const_index[i] >= 0; i = (i + 1) & mask)
        if (const_same(u->consts[u->const_index[i]], v))
            return u->const_index[i];
    if (grow(c, (void **)&u->consts, &u->capconsts, u->nconsts + 1,
             sizeof *u->consts))
        return 0;
    u->consts[u->nconsts] = v;
    u->const_index[i] = u->nconsts;
    return u->nconsts++;
}

void comp_load_const(Compiler *c, Value v)
{
    comp_op(c, OP_LOAD_CONST, comp_add_const(c, v));
}

int comp_name_index(Compiler *c, const char *name)
{
    Unit *u = c->u;
    StrObj *s = comp_intern(c, name);
    for (int i = 0; i < u->nnames; i++)
        if (u->names[i] == s)
            return i;
    if (grow(c, (void **)&u->names, &u->capnames, u->nnames + 1,
             sizeof *u->names))
        return 0;
    u->names[u->nnames] = s;
    return u->nnames++;
}

void comp_name_op(Compiler *c, int op, const char *name)
{
    comp_op(c, op, comp_name_index(c, name));
}

static int find_str(StrObj **v, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(STR_CSTR(v[i]), name) == 0)
            return i;
    return -1;
}

int comp_varname_index(Compiler *c, const char *name)
{
    Unit *u = c->u;
    int i = find_str(u->varnames, u->nvarnames, name);
    if (i >= 0)
        return i;
    if (grow(c, (void **)&u->varnames, &u->capvarnames, u->nvarnames + 1,
             sizeof *u->varnames))
        return 0;
    u->varnames[u->nvarnames] = comp_intern(c, name);
    return u->nvarnames++;
}

/* Index for LOAD_DEREF & co.: cells first, then free variables. */
int comp_deref_index(Unit *u, const char *name)
{
    int i = find_str(u->cellvars, u->ncells, name);
    if (i >= 0)
        return i;
    i = find_str(u->freevars, u->nfrees, name);
    return i >= 0 ? u->ncells + i : -1;
}

enum { ACC_FAST, ACC_DEREF, ACC_GLOBAL, ACC_NAME };

/* How the current unit reaches name (CPython's compiler_nameop). */
static int access_of(Compiler *c, const char *name)
{
    Unit *u = c->u;
    int scope = symt_scope(u->ste, name);
    switch (scope) {
    case SYMT_SC_FREE:
    case SYMT_SC_CELL:
        return ACC_DEREF;
    case SYMT_SC_GLOBAL_EXPLICIT:
        return ACC_GLOBAL;
    case SYMT_SC_LOCAL:
        return u->kind == UNIT_FUNCTION ? ACC_FAST
               : u->kind == UNIT_CLASS  ? ACC_NAME
                                        : ACC_GLOBAL;
    default:
        /* Implicit globals, and names the compiler makes up (__module__,
         * __qualname__, __doc__). */
        return u->kind == UNIT_CLASS ? ACC_NAME : ACC_GLOBAL;
    }
}

int comp_nameop(Compiler *c, const char *name, AstContext ctx)
{
    static const int ops[4][3] = {
        [ACC_FAST] = {OP_LOAD_FAST, OP_STORE_FAST, OP_DELETE_FAST},
        [ACC_DEREF] = {OP_LOAD_DEREF, OP_STORE_DEREF, OP_DELETE_DEREF},
        [ACC_GLOBAL] = {OP_LOAD_GLOBAL, OP_STORE_GLOBAL, OP_DELETE_GLOBAL},
        [ACC_NAME] = {OP_LOAD_NAME, OP_STORE_NAME, OP_DELETE_NAME},
    };
    int acc = access_of(c, name);
    int op = ops[acc][ctx];
    switch (acc) {
    case ACC_FAST:
        comp_op(c, op, comp_varname_index(c, name));
        break;
    case ACC_DEREF: {
        int i = comp_deref_index(c->u, name);
        if (i < 0) {
            err_set(&exc_SystemError, "compiler: no cell for '%s'", name);
            return -1;
        }
        /* A class body reads a free variable through its namespace
         * first, as CPython's LOAD_CLASSDEREF does. */
        if (ctx == AST_CTX_LOAD && c->u->kind == UNIT_CLASS)
            op = OP_LOAD_CLASSDEREF;
        comp_op(c, op, i);
        break;
    }
    default:
        comp_name_op(c, op, name);
        break;
    }
    return 0;
}

/* ---- SyntaxError ------------------------------------------------------ */

/* The source line `lineno` with its newline, or None when the file cannot
 * be read back (CPython then prints no source line either). */
static Value source_line(Compiler *c, int lineno)
{
    if (!c->src || c->filename[0] == '<' || lineno < 1)
        return V_NONE;
    const char *p = c->src, *end = c->src + c->srclen;
    for (int l = 1; l < lineno && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return V_NONE;
        p = nl + 1;
    }
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
    StrObj *s = str_printf("%.*s\n", (int)n, p);
    return V_OBJ(s);
}

static Value int_or_none(int v, int valid)
{
    return valid ? V_INT(v) : V_NONE;
}

/* Raise type(msg, (filename, lineno, offset, text, end_lineno,
 * end_offset)); offsets are 1-based, 0 means unknown. */
static int raise_syntax(Compiler *c, TypeObj *type, const char *msg,
                        int lineno, int offset, int end_lineno,
                        int end_offset, Value text)
{
    TupleObj *info = tuple_new(6);
    info->items[0] = V_OBJ(c->filename_str);
    info->items[1] = int_or_none(lineno, lineno > 0);
    info->items[2] = int_or_none(offset, offset > 0);
    info->items[3] = text;
    info->items[4] = int_or_none(end_lineno, end_lineno > 0);
    info->items[5] = int_or_none(end_offset, end_offset > 0);
    Value args[2] = {V_OBJ(str_from_cstr(msg)), V_OBJ(info)};
    Value exc = exc_new(type, args, 2);
    if (IS_NULL(exc))
        return -1;
    err_set_exc(exc);
    return -1;
}

int comp_error(Compiler *c, const AstNode *at, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return raise_syntax(c, &exc_SyntaxError, msg, at->lineno,
                        at->col_offset + 1, at->end_lineno,
                        at->end_col_offset + 1, source_line(c, at->lineno));
}

static int symtable_error(Compiler *c, const Symtable *st)
{
    return raise_syntax(c, &exc_SyntaxError, st->msg, st->lineno, st->col + 1,
                        st->end_lineno, st->end_col + 1,
                        source_line(c, st->lineno));
}

/* ---- units ------------------------------------------------------------ */

static void unit_free(Unit *u)
{
    free(u->ins);
    free(u->labels);
    free(u->consts);
    free(u->const_index);
    free(u->names);
    free(u->varnames);
    free(u->cellvars);
    free(u->freevars);
    free(u->cell2arg);
    free(u);
}

/* CPython's qualified names: "f.<locals>.g" inside a function, "C.m" in
 * a class, the plain name at module level or when declared global. */
static StrObj *make_qualname(Compiler *c, Unit *parent, const char *name)
{
    if (!parent || parent->kind == UNIT_MODULE)
        return comp_intern(c, name);
    if (symt_scope(parent->ste, name) == SYMT_SC_GLOBAL_EXPLICIT &&
        name[0] != '<')
        return comp_intern(c, name);
    const char *pq = STR_CSTR(parent->qualname);
    StrObj *q = parent->kind == UNIT_FUNCTION
                    ? str_printf("%s.<locals>.%s", pq, name)
                    : str_printf("%s.%s", pq, name);
    return str_intern(q);
}

static int add_strs(Compiler *c, StrObj ***arr, int *n, const char *name)
{
    StrObj **p = realloc(*arr, (size_t)(*n + 1) * sizeof *p);
    if (!p) {
        c->oom = 1;
        return -1;
    }
    p[*n] = comp_intern(c, name);
    *arr = p;
    (*n)++;
    return 0;
}

/* Lay out varnames, cellvars and freevars from the symbol table. */
static int unit_layout(Compiler *c, Unit *u)
{
    SymtBlock *b = u->ste;
    int nparams = u->kind == UNIT_FUNCTION ? b->nparams : 0;
    for (int i = 0; i < b->nsyms; i++) {
        const SymtSymbol *s = &b->syms[i];
        if (i < nparams || (u->kind == UNIT_FUNCTION && s->scope == SYMT_SC_LOCAL))
            comp_varname_index(c, s->name);
        if (s->scope == SYMT_SC_CELL)
            TRY(add_strs(c, &u->cellvars, &u->ncells, s->name));
    }
    if (u->kind == UNIT_CLASS && b->needs_class_closure)
        TRY(add_strs(c, &u->cellvars, &u->ncells, "__class__"));
    for (int i = 0; i < b->nsyms; i++) {
        const SymtSymbol *s = &b->syms[i];
        if (s->scope == SYMT_SC_FREE || (s->flags & SYMF_FREE_CLASS))
            TRY(add_strs(c, &u->freevars, &u->nfrees, s->name));
    }
    /* A parameter captured by a closure lives in a cell that the VM
     * fills from the argument slot at the call. */
    for (int i = 0; i < u->ncells && nparams; i++) {
        int arg = find_str(u->varnames, nparams, STR_CSTR(u->cellvars[i]));
        if (arg < 0)
            continue;
        if (!u->cell2arg) {
            u->cell2arg = malloc((size_t)u->ncells * sizeof *u->cell2arg);
            if (!u->cell2arg) {
                c->oom = 1;
                return -1;
            }
            for (int j = 0; j < u->ncells; j++)
                u->cell2arg[j] = -1;
        }
        u->cell2arg[i] = arg;
    }
    return c->oom ? -1 : 0;
}

int comp_enter_unit(Compiler *c, SymtBlock *ste, UnitKind kind,
                    const char *name, int firstlineno)
{
    Unit *u = calloc(1, sizeof *u);
    if (!u) {
        err_no_memory();
        return -1;
    }
    u->parent = c->u;
    u->ste = ste;
    u->kind = kind;
    u->firstlineno = firstlineno;
    u->line = firstlineno;
    u->name = comp_intern(c, name);
    u->qualname = kind == UNIT_MODULE ? u->name
                                      : make_qualname(c, c->u, name);
    c->u = u;
    switch (kind) {
    case UNIT_MODULE: u->flags = CO_MODULE; break;
    case UNIT_CLASS: u->flags = CO_CLASSBODY; break;
    case UNIT_FUNCTION:
        u->flags = CO_NEWLOCALS | (ste->generator ? CO_GENERATOR : 0) |
                   (ste->varargs ? CO_VARARGS : 0) |
                   (ste->varkeywords ? CO_VARKEYWORDS : 0);
        break;
    }
    if (unit_layout(c, u) < 0) {
        if (c->oom)
            err_no_memory();
        return -1;
    }
    if (u->flags & CO_GENERATOR)
        comp_op(c, OP_GEN_START, 0);
    return 0;
}

CodeObj *comp_exit_unit(Compiler *c)
{
    Unit *u = c->u;
    CodeObj *co = comp_assemble(c, u);
    c->u = u->parent;
    unit_free(u);
    return co;
}

static void drop_units(Compiler *c)
{
    while (c->u) {
        Unit *u = c->u;
        c->u = u->parent;
        unit_free(u);
    }
}

/* ---- the block stack --------------------------------------------------- */

int comp_push_fblock(Compiler *c, const AstNode *at, FBlockKind kind,
                     int start, int exit, const AstNode *node)
{
    Unit *u = c->u;
    if (u->nfblocks >= FRAME_MAXBLOCKS)
        return comp_error(c, at, "too many statically nested blocks");
    FBlock *f = &u->fblocks[u->nfblocks++];
    f->kind = kind;
    f->start = start;
    f->exit = exit;
    f->node = node;
    return 0;
}

void comp_pop_fblock(Compiler *c)
{
    c->u->nfblocks--;
}

int comp_call_exit_with_nones(Compiler *c)
{
    comp_load_const(c, V_NONE);
    comp_op(c, OP_DUP_TOP, 0);
    comp_op(c, OP_DUP_TOP, 0);
    comp_op(c, OP_CALL_FUNCTION, 3);
    return 0;
}

/* Leave one block on the way out of break/continue/return; preserve_tos
 * keeps a return value on top of the stack across the clean-up (CPython
 * 3.10's compiler_unwind_fblock with one-value exceptions). */
int comp_unwind_fblock(Compiler *c, FBlock *fb, int preserve_tos)
{
    switch (fb->kind) {
    case FB_WHILE:
    case FB_EXCEPTION_HANDLER:
        return 0;
    case FB_FOR:
        if (preserve_tos)
            comp_op(c, OP_ROT_TWO, 0);
        comp_op(c, OP_POP_ITER, 0);
        return 0;
    case FB_TRY_EXCEPT:
        comp_op(c, OP_POP_BLOCK, 0);
        return 0;
    case FB_FINALLY_TRY: {
        comp_op(c, OP_POP_BLOCK, 0);
        if (preserve_tos)
            TRY(comp_push_fblock(c, fb->node, FB_POP_VALUE, 0, 0, NULL));
        TRY(comp_stmts(c, &fb->node->v.try_.finalbody));
        if (preserve_tos)
            comp_pop_fblock(c);
        return 0;
    }
    case FB_FINALLY_END:
        /* [prev_exc, exc (, value)]: drop exc, then POP_EXCEPT restores
         * prev_exc with the value left below it, as 3.10 does. */
        if (preserve_tos)
            comp_op(c, OP_ROT_TWO, 0);
        comp_op(c, OP_POP_TOP, 0);
        if (preserve_tos)
            comp_op(c, OP_ROT_TWO, 0);
        comp_op(c, OP_POP_EXCEPT, 0);
        return 0;
    case FB_WITH: {
        int saved = c->u->line;
        c->u->line = fb->node->lineno;
        comp_op(c, OP_POP_BLOCK, 0);
        if (preserve_tos)
            comp_op(c, OP_ROT_TWO, 0);
        comp_call_exit_with_nones(c);
        comp_op(c, OP_POP_TOP, 0);
        c->u->line = saved;
        return 0;
    }
    case FB_HANDLER_CLEANUP: {
        const char *name = fb->node ? fb->node->v.except_handler.name : NULL;
        if (name)
            comp_op(c, OP_POP_BLOCK, 0);
        if (preserve_tos)
            comp_op(c, OP_ROT_TWO, 0);
        comp_op(c, OP_POP_EXCEPT, 0);
        if (name) {
            comp_load_const(c, V_NONE);
            TRY(comp_nameop(c, name, AST_CTX_STORE));
            TRY(comp_nameop(c, name, AST_CTX_DEL));
        }
        return 0;
    }
    case FB_POP_VALUE:
        if (preserve_tos)
            comp_op(c, OP_ROT_TWO, 0);
        comp_op(c, OP_POP_TOP, 0);
        return 0;
    }
    return 0;
}

/* Unwind every block up to the innermost loop (when loop is not NULL) or
 * all of them.  Each block is taken off the stack while its clean-up is
 * generated, so a finally body compiled inline sees only the blocks
 * outside it. */
int comp_unwind_fblock_stack(Compiler *c, int preserve_tos, FBlock **loop)
{
    Unit *u = c->u;
    if (u->nfblocks == 0)
        return 0;
    FBlock *top = &u->fblocks[u->nfblocks - 1];
    if (loop && (top->kind == FB_WHILE || top->kind == FB_FOR)) {
        *loop = top;
        return 0;
    }
    FBlock copy = *top;
    u->nfblocks--;
    int r = comp_unwind_fblock(c, &copy, preserve_tos);
    if (r == 0)
        r = comp_unwind_fblock_stack(c, preserve_tos, loop);
    u->fblocks[u->nfblocks++] = copy;
    return r;
}

/* ---- functions and closures ---------------------------------------------- */

/* Push the cells a nested code object closes over, the code and its
 * qualified name, and MAKE_FUNCTION. */
int comp_make_closure(Compiler *c, CodeObj *co, int flags)
{
    if (co->nfrees > 0) {
        for (int i = 0; i < co->nfrees; i++) {
            int idx = comp_deref_index(c->u, STR_CSTR(co->freevars[i]));
            if (idx < 0) {
                err_set(&exc_SystemError, "compiler: no cell to close over '%s'",
                        STR_CSTR(co->freevars[i]));
                return -1;
            }
            comp_op(c, OP_LOAD_CLOSURE, idx);
        }
        comp_op(c, OP_BUILD_TUPLE, co->nfrees);
        flags |= 0x08;
    }
    comp_load_const(c, V_OBJ(co));
    comp_load_const(c, V_OBJ(co->qualname));
    comp_op(c, OP_MAKE_FUNCTION, flags);
    return 0;
}

const AstConstant *comp_docstring(const AstNodeList *body)
{
    if (body->count == 0)
        return NULL;
    const AstNode *s = body->items[0];
    if (s->kind != AST_EXPR || s->v.expr.value->kind != AST_CONSTANT ||
        s->v.expr.value->v.constant.kind != AST_CONST_STR)
        return NULL;
    return &s->v.expr.value->v.constant;
}

/* ---- entry points ------------------------------------------------------ */

static int compile_module(Compiler *c, const AstNode *tree)
{
    if (c->mode == COMP_EVAL && tree->kind != AST_MODULE &&
        tree->kind != AST_INTERACTIVE) {
        TRY(comp_expr(c, tree));
        comp_op(c, OP_RETURN_VALUE, 0);
        return 0;
    }
    const AstNodeList *body = &tree->v.module.body;
    if (c->mode == COMP_FILE && comp_docstring(body)) {
        const AstNode *doc = body->items[0];
        c->u->line = doc->lineno;
        TRY(comp_expr(c, doc->v.expr.value));
        TRY(comp_nameop(c, "__doc__", AST_CTX_STORE));
        TRY(comp_body(c, body));
    } else {
        TRY(comp_stmts(c, body));
    }
    /* The implicit return carries the last statement's line, as the
     * final instructions of a 3.11 module do. */
    if (body->count)
        c->u->line = body->items[body->count - 1]->lineno;
    comp_load_const(c, V_NONE);
    comp_op(c, OP_RETURN_VALUE, 0);
    return 0;
}

CodeObj *comp_compile_ast(const AstNode *tree, const char *filename, int mode,
                          const char *src, size_t len)
{
    Compiler c;
    memset(&c, 0, sizeof c);
    c.filename = filename;
    c.filename_str = str_from_cstr(filename);
    c.src = src;
    c.srclen = len;
    c.mode = mode;
    c.st = symt_build(tree);
    if (!c.st) {
        err_no_memory();
        return NULL;
    }
    CodeObj *co = NULL;
    if (c.st->msg[0]) {
        symtable_error(&c, c.st);
    } else if (comp_enter_unit(&c, c.st->top, UNIT_MODULE, "<module>", 1) == 0) {
        if (compile_module(&c, tree) == 0) {
            if (c.oom)
                err_no_memory();
            else
                co = comp_exit_unit(&c);
        }
    }
    drop_units(&c);
    symt_free(c.st);
    return co;
}

/* ---- from source --------------------------------------------------------- */

/* Turn the parser's error record into the exception CPython would raise. */
static void raise_parse_error(const SyntaxErrorInfo *err, const char *filename)
{
    TypeObj *type;
    switch (err->kind) {
    case SYNTAX_ERR_MEMORY: err_no_memory(); return;
    case SYNTAX_ERR_INDENTATION: type = &exc_IndentationError; break;
    case SYNTAX_ERR_TAB: type = &exc_TabError; break;
    default: type = &exc_SyntaxError; break;
    }
    /* An error with no line (the source is not UTF-8) is raised with the
     * message alone, as CPython's decoder does: the message already names
     * the file, and a location would make str() append "(file.py)". */
    if (err->lineno == 0) {
        Value msg = V_OBJ(str_from_cstr(err->msg));
        Value exc = exc_new(type, &msg, 1);
        if (!IS_NULL(exc))
            err_set_exc(exc);
        return;
    }
    Compiler c;
    memset(&c, 0, sizeof c);
    c.filename = filename;
    c.filename_str = str_from_cstr(filename);
    Value text = err->text ? V_OBJ(str_printf("%s\n", err->text)) : V_NONE;
    raise_syntax(&c, type, err->msg, err->lineno, err->offset,
                 err->end_lineno, err->end_offset, text);
}

/* An expression for COMP_EVAL: the module must be exactly one
 * expression statement. */
static const AstNode *eval_tree(const AstNode *mod, const char *filename)
{
    const AstNodeList *b = &mod->v.module.body;
    if (b->count == 1 && b->items[0]->kind == AST_EXPR)
        return b->items[0]->v.expr.value;
    Compiler c;
    memset(&c, 0, sizeof c);
    c.filename = filename;
    c.filename_str = str_from_cstr(filename);
    const AstNode *at = b->count ? b->items[0] : mod;
    raise_syntax(&c, &exc_SyntaxError, "invalid syntax", at->lineno,
                 at->col_offset + 1, 0, 0, V_NONE);
    return NULL;
}

/* Parse (with the REPL's parser when `repl`), then compile in `mode`. */
static CodeObj *parse_and_compile(const char *src, size_t len,
                                  const char *filename, int mode, int repl,
                                  int *incomplete)
{
    AstArena arena;
    SyntaxErrorInfo err;
    memset(&err, 0, sizeof err);
    ast_arena_init(&arena);
    AstNode *tree = NULL;
    CodeObj *co = NULL;
    *incomplete = 0;
    if (repl) {
        ParseStatus ps = parse_interactive(&arena, src, len, filename, &tree,
                                           &err);
        if (ps == PARSE_INCOMPLETE)
            *incomplete = 1;
        else if (ps == PARSE_ERROR)
            raise_parse_error(&err, filename);
        if (ps != PARSE_OK)
            tree = NULL;
    } else {
        tree = parse_module(&arena, src, len, filename, &err);
        if (!tree)
            raise_parse_error(&err, filename);
        else if (mode == COMP_EVAL)
            tree = (AstNode *)eval_tree(tree, filename);
    }
    if (tree)
        co = comp_compile_ast(tree, filename, mode, src, len);
    ast_error_clear(&err);
    ast_arena_free(&arena);
    return co;
}

CodeObj *comp_compile_interactive(const char *src, size_t len,
                                  const char *filename, int mode,
                                  int *incomplete)
{
    return parse_and_compile(src, len, filename, mode, mode == COMP_SINGLE,
                             incomplete);
}

CodeObj *comp_compile_source(const char *src, size_t len, const char *filename,
                             int mode)
{
    int incomplete;
    CodeObj *co = parse_and_compile(src, len, filename, mode,
                                    mode == COMP_SINGLE, &incomplete);
    if (incomplete) {
        /* Outside the REPL the input is all there is: a block that no
         * empty line ended is complete, and an open bracket is an error
         * that the file parser reports with CPython's message. */
        co = parse_and_compile(src, len, filename, mode, 0, &incomplete);
    }
    return co;
}
