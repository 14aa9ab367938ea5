/* symtable.c - building and resolving the symbol table (see symtable.h).
 *
 * Two passes, as CPython's symtable.c: the first walks the AST and records
 * for each block the names it binds, reads and declares; the second walks
 * the block tree top-down carrying the names bound in enclosing functions
 * and the names declared global, and resolves each name.  Free variables
 * found in nested blocks flow back up and turn the owning function's local
 * into a cell.
 */
#include "compiler/symtable.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct SymtEntry {
    const AstNode *node;
    SymtBlock *block;
};

/* ---- small helpers ------------------------------------------------- */

uint32_t symt_hash(const char *name)
{
    uint32_t h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        h = (h ^ *p) * 16777619u;
    return h;
}

/* Grow a malloc'd array so that it can hold `need` elements. */
static bool grow(void **arr, int *cap, int need, size_t elem)
{
    if (need <= *cap)
        return true;
    int ncap = *cap ? *cap * 2 : 8;
    while (ncap < need)
        ncap *= 2;
    void *p = realloc(*arr, (size_t)ncap * elem);
    if (!p)
        return false;
    *arr = p;
    *cap = ncap;
    return true;
}

static void set_error(Symtable *st, const AstNode *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Record the first error only: CPython stops at the first one too. */
static void set_error(Symtable *st, const AstNode *at, const char *fmt, ...)
{
    if (st->msg[0] || st->oom)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(st->msg, sizeof st->msg, fmt, ap);
    va_end(ap);
    st->lineno = at->lineno;
    st->col = at->col_offset;
    st->end_lineno = at->end_lineno;
    st->end_col = at->end_col_offset;
}

static bool failed(const Symtable *st)
{
    return st->msg[0] != 0 || st->oom;
}

/* ---- symbols within a block ---------------------------------------- */

static int find_slot(const SymtBlock *b, const char *name, uint32_t h)
{
    uint32_t mask = (uint32_t)b->nindex - 1;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        int32_t s = b->index[i];
        if (s < 0)
            return (int)i;
        if (b->syms[s].hash == h && strcmp(b->syms[s].name, name) == 0)
            return (int)i;
    }
}

SymtSymbol *symt_lookup(const SymtBlock *b, const char *name)
{
    if (!b->nindex)
        return NULL;
    int32_t s = b->index[find_slot(b, name, symt_hash(name))];
    return s < 0 ? NULL : &b->syms[s];
}

int symt_scope(const SymtBlock *b, const char *name)
{
    SymtSymbol *s = symt_lookup(b, name);
    return s ? s->scope : SYMT_SC_NONE;
}

static bool rehash(SymtBlock *b, int nindex)
{
    int32_t *idx = malloc((size_t)nindex * sizeof *idx);
    if (!idx)
        return false;
    for (int i = 0; i < nindex; i++)
        idx[i] = -1;
    free(b->index);
    b->index = idx;
    b->nindex = nindex;
    for (int s = 0; s < b->nsyms; s++)
        idx[find_slot(b, b->syms[s].name, b->syms[s].hash)] = s;
    return true;
}

/* The symbol for name in b, created (flags 0) if absent. */
static SymtSymbol *intern_sym(Symtable *st, SymtBlock *b, const char *name)
{
    uint32_t h = symt_hash(name);
    if (b->nindex) {
        int32_t s = b->index[find_slot(b, name, h)];
        if (s >= 0)
            return &b->syms[s];
    }
    if ((b->nsyms + 1) * 2 > b->nindex &&
        !rehash(b, b->nindex ? b->nindex * 2 : 16)) {
        st->oom = true;
        return NULL;
    }
    if (!grow((void **)&b->syms, &b->capsyms, b->nsyms + 1, sizeof *b->syms)) {
        st->oom = true;
        return NULL;
    }
    SymtSymbol *sym = &b->syms[b->nsyms];
    memset(sym, 0, sizeof *sym);
    sym->name = name;
    sym->hash = h;
    b->index[find_slot(b, name, h)] = b->nsyms++;
    return sym;
}

/* ---- building blocks ----------------------------------------------- */

static void map_put(Symtable *st, const AstNode *node, SymtBlock *b)
{
    if (!grow((void **)&st->map, &st->capmap, st->nmap + 1, sizeof *st->map)) {
        st->oom = true;
        return;
    }
    st->map[st->nmap].node = node;
    st->map[st->nmap].block = b;
    st->nmap++;
}

SymtBlock *symt_block_of(const Symtable *st, const AstNode *node)
{
    /* The code generator asks for blocks in nearly the order they were
     * made, so the search starts where the last one was found. */
    Symtable *mut = (Symtable *)st;
    for (int k = 0; k < st->nmap; k++) {
        int i = (st->map_hint + k) % st->nmap;
        if (st->map[i].node == node) {
            mut->map_hint = i + 1;
            return st->map[i].block;
        }
    }
    return NULL;
}

static SymtBlock *enter_block(Symtable *st, SymtKind kind, SymtFuncKind fk,
                              const char *name, const AstNode *node)
{
    SymtBlock *b = calloc(1, sizeof *b);
    if (!b || !grow((void **)&st->all, &st->capall, st->nall + 1,
                    sizeof *st->all)) {
        free(b);
        st->oom = true;
        return NULL;
    }
    st->all[st->nall++] = b;
    b->kind = kind;
    b->fkind = fk;
    b->name = name;
    b->node = node;
    SymtBlock *parent = st->cur;
    b->parent = parent;
    if (parent) {
        b->nested = parent->nested || parent->kind == SYMT_FUNCTION;
        if (!grow((void **)&parent->children, &parent->capchildren,
                  parent->nchildren + 1, sizeof *parent->children)) {
            st->oom = true;
            return NULL;
        }
        parent->children[parent->nchildren++] = b;
    }
    if (node)
        map_put(st, node, b);
    st->cur = b;
    return b;
}

static void exit_block(Symtable *st)
{
    st->cur = st->cur->parent;
}

/* Record one use of name in the current block. */
static void add_def(Symtable *st, const char *name, int flag,
                    const AstNode *at)
{
    SymtBlock *b = st->cur;
    SymtSymbol *sym = intern_sym(st, b, name);
    if (!sym)
        return;
    if ((flag & SYMF_PARAM) && (sym->flags & SYMF_PARAM)) {
        set_error(st, at, "duplicate argument '%s' in function definition",
                  name);
        return;
    }
    sym->flags |= flag;
    if (flag & SYMF_PARAM)
        b->nparams++;
    /* A global declaration anywhere makes the name global at module level
     * too, as CPython records it in the module's table. */
    if ((flag & SYMF_GLOBAL) && b != st->top) {
        SymtSymbol *g = intern_sym(st, st->top, name);
        if (g)
            g->flags |= SYMF_GLOBAL;
    }
}

static void visit_expr(Symtable *st, const AstNode *e);
static void visit_stmts(Symtable *st, const AstNodeList *l);

static void visit_exprs(Symtable *st, const AstNodeList *l)
{
    for (size_t i = 0; i < l->count && !failed(st); i++)
        if (l->items[i])
            visit_expr(st, l->items[i]);
}

static void visit_opt(Symtable *st, const AstNode *e)
{
    if (e)
        visit_expr(st, e);
}

static void visit_params(Symtable *st, const AstNode *args)
{
    const AstNodeList *l = &args->v.arguments.args;
    for (size_t i = 0; i < l->count; i++)
        add_def(st, l->items[i]->v.arg.arg, SYMF_PARAM, l->items[i]);
    l = &args->v.arguments.kwonlyargs;
    for (size_t i = 0; i < l->count; i++)
        add_def(st, l->items[i]->v.arg.arg, SYMF_PARAM, l->items[i]);
    if (args->v.arguments.vararg) {
        add_def(st, args->v.arguments.vararg->v.arg.arg, SYMF_PARAM,
                args->v.arguments.vararg);
        st->cur->varargs = true;
    }
    if (args->v.arguments.kwarg) {
        add_def(st, args->v.arguments.kwarg->v.arg.arg, SYMF_PARAM,
                args->v.arguments.kwarg);
        st->cur->varkeywords = true;
    }
}

/* Defaults are evaluated where the def or lambda stands. */
static void visit_defaults(Symtable *st, const AstNode *args)
{
    visit_exprs(st, &args->v.arguments.defaults);
    visit_exprs(st, &args->v.arguments.kw_defaults);
}

static void visit_function(Symtable *st, const AstNode *s)
{
    add_def(st, s->v.function_def.name, SYMF_LOCAL, s);
    visit_defaults(st, s->v.function_def.args);
    visit_exprs(st, &s->v.function_def.decorators);
    if (failed(st) ||
        !enter_block(st, SYMT_FUNCTION, SYMT_DEF, s->v.function_def.name, s))
        return;
    visit_params(st, s->v.function_def.args);
    visit_stmts(st, &s->v.function_def.body);
    exit_block(st);
}

static void visit_class(Symtable *st, const AstNode *s)
{
    add_def(st, s->v.class_def.name, SYMF_LOCAL, s);
    visit_exprs(st, &s->v.class_def.bases);
    for (size_t i = 0; i < s->v.class_def.keywords.count; i++)
        visit_expr(st, s->v.class_def.keywords.items[i]->v.keyword.value);
    visit_exprs(st, &s->v.class_def.decorators);
    if (failed(st) ||
        !enter_block(st, SYMT_CLASS, SYMT_DEF, s->v.class_def.name, s))
        return;
    visit_stmts(st, &s->v.class_def.body);
    exit_block(st);
}

/* `global` and `nonlocal`, with CPython's checks on earlier uses. */
static void visit_declaration(Symtable *st, const AstNode *s)
{
    bool is_global = s->kind == AST_GLOBAL;
    const char *what = is_global ? "global" : "nonlocal";
    for (size_t i = 0; i < s->v.global.names.count; i++) {
        const char *name = s->v.global.names.items[i];
        SymtSymbol *cur = symt_lookup(st->cur, name);
        int fl = cur ? cur->flags : 0;
        if (fl & (SYMF_PARAM | SYMF_LOCAL | SYMF_USE)) {
            if (fl & SYMF_PARAM)
                set_error(st, s, "name '%s' is parameter and %s", name, what);
            else if (fl & SYMF_USE)
                set_error(st, s, "name '%s' is used prior to %s declaration",
                          name, what);
            else
                set_error(st, s,
                          "name '%s' is assigned to before %s declaration",
                          name, what);
            return;
        }
        add_def(st, name, is_global ? SYMF_GLOBAL : SYMF_NONLOCAL, s);
        SymtSymbol *sym = symt_lookup(st->cur, name);
        if (sym && !sym->dir_line) {
            sym->dir_line = s->lineno;
            sym->dir_col = s->col_offset;
            sym->dir_end_line = s->end_lineno;
            sym->dir_end_col = s->end_col_offset;
        }
    }
}

/* Keep a malloc'd string alive as long as the table. */
static const char *own_string(Symtable *st, char *str)
{
    if (!grow((void **)&st->owned, &st->capowned, st->nowned + 1,
              sizeof *st->owned)) {
        free(str);
        st->oom = true;
        return NULL;
    }
    st->owned[st->nowned++] = str;
    return str;
}

/* The name an import binds: `import a.b` binds `a`. */
const char *symt_import_binding(Symtable *st, const AstNode *alias)
{
    if (alias->v.alias.asname)
        return alias->v.alias.asname;
    const char *name = alias->v.alias.name;
    const char *dot = strchr(name, '.');
    if (!dot)
        return name;
    size_t n = (size_t)(dot - name);
    char *first = malloc(n + 1);
    if (!first) {
        st->oom = true;
        return NULL;
    }
    memcpy(first, name, n);
    first[n] = 0;
    return own_string(st, first);
}

static void visit_import(Symtable *st, const AstNode *s)
{
    const AstNodeList *names = s->kind == AST_IMPORT ? &s->v.import.names
                                                     : &s->v.import_from.names;
    if (s->kind == AST_IMPORT_FROM && s->v.import_from.star) {
        if (st->cur != st->top)
            set_error(st, s, "import * only allowed at module level");
        return;
    }
    for (size_t i = 0; i < names->count; i++) {
        const char *store = symt_import_binding(st, names->items[i]);
        if (store)
            add_def(st, store, SYMF_IMPORT, names->items[i]);
    }
}

static void visit_stmt(Symtable *st, const AstNode *s)
{
    switch (s->kind) {
    case AST_FUNCTION_DEF: visit_function(st, s); break;
    case AST_CLASS_DEF: visit_class(st, s); break;
    case AST_RETURN: visit_opt(st, s->v.return_.value); break;
    case AST_DELETE: visit_exprs(st, &s->v.delete_.targets); break;
    case AST_ASSIGN:
        visit_exprs(st, &s->v.assign.targets);
        visit_expr(st, s->v.assign.value);
        break;
    case AST_AUG_ASSIGN:
        visit_expr(st, s->v.aug_assign.target);
        visit_expr(st, s->v.aug_assign.value);
        break;
    case AST_ANN_ASSIGN:
        if (s->v.ann_assign.target->kind == AST_NAME)
            add_def(st, s->v.ann_assign.target->v.name.id, SYMF_LOCAL,
                    s->v.ann_assign.target);
        else
            visit_expr(st, s->v.ann_assign.target);
        visit_opt(st, s->v.ann_assign.value);
        break;
    case AST_FOR:
        visit_expr(st, s->v.for_.target);
        visit_expr(st, s->v.for_.iter);
        visit_stmts(st, &s->v.for_.body);
        visit_stmts(st, &s->v.for_.orelse);
        break;
    case AST_WHILE:
    case AST_IF:
        visit_expr(st, s->v.if_.test);
        visit_stmts(st, &s->v.if_.body);
        visit_stmts(st, &s->v.if_.orelse);
        break;
    case AST_WITH:
        for (size_t i = 0; i < s->v.with.items.count; i++) {
            const AstNode *it = s->v.with.items.items[i];
            visit_expr(st, it->v.withitem.context_expr);
            visit_opt(st, it->v.withitem.optional_vars);
        }
        visit_stmts(st, &s->v.with.body);
        break;
    case AST_RAISE:
        visit_opt(st, s->v.raise.exc);
        visit_opt(st, s->v.raise.cause);
        break;
    case AST_TRY:
        visit_stmts(st, &s->v.try_.body);
        for (size_t i = 0; i < s->v.try_.handlers.count; i++) {
            const AstNode *h = s->v.try_.handlers.items[i];
            visit_opt(st, h->v.except_handler.type);
            if (h->v.except_handler.name)
                add_def(st, h->v.except_handler.name, SYMF_LOCAL, h);
            visit_stmts(st, &h->v.except_handler.body);
        }
        visit_stmts(st, &s->v.try_.orelse);
        visit_stmts(st, &s->v.try_.finalbody);
        break;
    case AST_ASSERT:
        visit_expr(st, s->v.assert_.test);
        visit_opt(st, s->v.assert_.msg);
        break;
    case AST_IMPORT:
    case AST_IMPORT_FROM: visit_import(st, s); break;
    case AST_GLOBAL:
    case AST_NONLOCAL: visit_declaration(st, s); break;
    case AST_EXPR: visit_expr(st, s->v.expr.value); break;
    default: break;
    }
}

static void visit_stmts(Symtable *st, const AstNodeList *l)
{
    for (size_t i = 0; i < l->count && !failed(st); i++)
        visit_stmt(st, l->items[i]);
}

static void visit_lambda(Symtable *st, const AstNode *e)
{
    visit_defaults(st, e->v.lambda.args);
    if (failed(st) ||
        !enter_block(st, SYMT_FUNCTION, SYMT_LAMBDA, "<lambda>", e))
        return;
    visit_params(st, e->v.lambda.args);
    visit_expr(st, e->v.lambda.body);
    exit_block(st);
}

/* A comprehension is a function of one parameter `.0`, the iterator over
 * the first iterable, which the enclosing block evaluates. */
static void visit_comprehension(Symtable *st, const AstNode *e)
{
    const AstNodeList *gens;
    SymtFuncKind fk;
    const char *name;
    switch (e->kind) {
    case AST_LIST_COMP: fk = SYMT_LISTCOMP; name = "<listcomp>"; break;
    case AST_SET_COMP: fk = SYMT_SETCOMP; name = "<setcomp>"; break;
    case AST_DICT_COMP: fk = SYMT_DICTCOMP; name = "<dictcomp>"; break;
    default: fk = SYMT_GENEXP; name = "<genexpr>"; break;
    }
    gens = e->kind == AST_DICT_COMP ? &e->v.dict_comp.generators
                                    : &e->v.comp.generators;
    const AstNode *first = gens->items[0];
    visit_expr(st, first->v.comprehension.iter);
    if (failed(st) || !enter_block(st, SYMT_FUNCTION, fk, name, e))
        return;
    if (fk == SYMT_GENEXP)
        st->cur->generator = true;
    add_def(st, ".0", SYMF_PARAM, e);
    visit_expr(st, first->v.comprehension.target);
    visit_exprs(st, &first->v.comprehension.ifs);
    for (size_t i = 1; i < gens->count && !failed(st); i++) {
        const AstNode *g = gens->items[i];
        visit_expr(st, g->v.comprehension.target);
        visit_expr(st, g->v.comprehension.iter);
        visit_exprs(st, &g->v.comprehension.ifs);
    }
    if (e->kind == AST_DICT_COMP) {
        visit_expr(st, e->v.dict_comp.key);
        visit_expr(st, e->v.dict_comp.value);
    } else {
        visit_expr(st, e->v.comp.elt);
    }
    exit_block(st);
}

static void visit_yield(Symtable *st, const AstNode *e)
{
    static const char *const what[] = {
        [SYMT_LISTCOMP] = "list comprehension",
        [SYMT_SETCOMP] = "set comprehension",
        [SYMT_DICTCOMP] = "dict comprehension",
        [SYMT_GENEXP] = "generator expression",
    };
    visit_opt(st, e->v.yield.value);
    SymtBlock *b = st->cur;
    if (b->kind == SYMT_FUNCTION && b->fkind >= SYMT_LISTCOMP) {
        set_error(st, e, "'yield' inside %s", what[b->fkind]);
        return;
    }
    /* Outside a function the code generator reports the error, after
     * every symbol-table error, as CPython orders them. */
    b->generator = true;
}

static void visit_expr(Symtable *st, const AstNode *e)
{
    if (failed(st))
        return;
    switch (e->kind) {
    case AST_NAME:
        add_def(st, e->v.name.id,
                e->v.name.ctx == AST_CTX_LOAD ? SYMF_USE : SYMF_LOCAL, e);
        /* super() with no arguments needs the class cell. */
        if (e->v.name.ctx == AST_CTX_LOAD && st->cur->kind == SYMT_FUNCTION &&
            strcmp(e->v.name.id, "super") == 0)
            add_def(st, "__class__", SYMF_USE, e);
        break;
    case AST_BOOL_OP: visit_exprs(st, &e->v.bool_op.values); break;
    case AST_BIN_OP:
        visit_expr(st, e->v.bin_op.left);
        visit_expr(st, e->v.bin_op.right);
        break;
    case AST_UNARY_OP: visit_expr(st, e->v.unary_op.operand); break;
    case AST_LAMBDA: visit_lambda(st, e); break;
    case AST_IF_EXP:
        visit_expr(st, e->v.if_exp.test);
        visit_expr(st, e->v.if_exp.body);
        visit_expr(st, e->v.if_exp.orelse);
        break;
    case AST_DICT:
        visit_exprs(st, &e->v.dict.keys);
        visit_exprs(st, &e->v.dict.values);
        break;
    case AST_SET: visit_exprs(st, &e->v.set.elts); break;
    case AST_LIST_COMP:
    case AST_SET_COMP:
    case AST_DICT_COMP:
    case AST_GENERATOR_EXP: visit_comprehension(st, e); break;
    case AST_YIELD:
    case AST_YIELD_FROM: visit_yield(st, e); break;
    case AST_COMPARE:
        visit_expr(st, e->v.compare.left);
        visit_exprs(st, &e->v.compare.comparators);
        break;
    case AST_CALL:
        visit_expr(st, e->v.call.func);
        visit_exprs(st, &e->v.call.args);
        for (size_t i = 0; i < e->v.call.keywords.count; i++)
            visit_expr(st, e->v.call.keywords.items[i]->v.keyword.value);
        break;
    case AST_FORMATTED_VALUE:
        visit_expr(st, e->v.formatted_value.value);
        visit_opt(st, e->v.formatted_value.format_spec);
        break;
    case AST_JOINED_STR: visit_exprs(st, &e->v.joined_str.values); break;
    case AST_ATTRIBUTE: visit_expr(st, e->v.attribute.value); break;
    case AST_SUBSCRIPT:
        visit_expr(st, e->v.subscript.value);
        visit_expr(st, e->v.subscript.slice);
        break;
    case AST_STARRED: visit_expr(st, e->v.starred.value); break;
    case AST_LIST:
    case AST_TUPLE: visit_exprs(st, &e->v.seq.elts); break;
    case AST_SLICE:
        visit_opt(st, e->v.slice.lower);
        visit_opt(st, e->v.slice.upper);
        visit_opt(st, e->v.slice.step);
        break;
    default: break;
    }
}

/* ---- resolution ---------------------------------------------------- */

/* A set of names: few enough per block that a scanned array wins. */
typedef struct NameSet {
    const char **names;
    uint32_t *hashes;
    int n, cap;
} NameSet;

static int ns_find(const NameSet *s, const char *name, uint32_t h)
{
    for (int i = 0; i < s->n; i++)
        if (s->hashes[i] == h && strcmp(s->names[i], name) == 0)
            return i;
    return -1;
}

static bool ns_has(const NameSet *s, const char *name)
{
    return s && ns_find(s, name, symt_hash(name)) >= 0;
}

static bool ns_add(NameSet *s, const char *name)
{
    uint32_t h = symt_hash(name);
    if (ns_find(s, name, h) >= 0)
        return true;
    if (s->n == s->cap) {
        int ncap = s->cap ? s->cap * 2 : 8;
        const char **nn = realloc(s->names, (size_t)ncap * sizeof *nn);
        if (!nn)
            return false;
        s->names = nn;
        uint32_t *nh = realloc(s->hashes, (size_t)ncap * sizeof *nh);
        if (!nh)
            return false;
        s->hashes = nh;
        s->cap = ncap;
    }
    s->names[s->n] = name;
    s->hashes[s->n++] = h;
    return true;
}

static void ns_discard(NameSet *s, const char *name)
{
    if (!s)
        return;
    int i = ns_find(s, name, symt_hash(name));
    if (i < 0)
        return;
    s->n--;
    s->names[i] = s->names[s->n];
    s->hashes[i] = s->hashes[s->n];
}

static bool ns_union(NameSet *dst, const NameSet *src)
{
    for (int i = 0; src && i < src->n; i++)
        if (!ns_add(dst, src->names[i]))
            return false;
    return true;
}

static void ns_free(NameSet *s)
{
    free(s->names);
    free(s->hashes);
    s->names = NULL;
    s->hashes = NULL;
    s->n = s->cap = 0;
}

static void error_at_directive(Symtable *st, const SymtSymbol *sym,
                               const char *fmt, const char *name)
    __attribute__((format(printf, 3, 0)));

static void error_at_directive(Symtable *st, const SymtSymbol *sym,
                               const char *fmt, const char *name)
{
    if (st->msg[0])
        return;
    snprintf(st->msg, sizeof st->msg, fmt, name);
    st->lineno = sym->dir_line;
    st->col = sym->dir_col;
    st->end_lineno = sym->dir_end_line;
    st->end_col = sym->dir_end_col;
}

/* Decide the scope of one name of b; CPython's analyze_name. */
static bool analyze_name(Symtable *st, SymtBlock *b, SymtSymbol *sym,
                         NameSet *bound, NameSet *local, NameSet *free,
                         NameSet *global)
{
    const char *name = sym->name;
    if (sym->flags & SYMF_GLOBAL) {
        if (sym->flags & SYMF_NONLOCAL) {
            error_at_directive(st, sym, "name '%s' is nonlocal and global",
                               name);
            return false;
        }
        sym->scope = SYMT_SC_GLOBAL_EXPLICIT;
        ns_discard(bound, name);
        return ns_add(global, name);
    }
    if (sym->flags & SYMF_NONLOCAL) {
        if (!bound) {
            error_at_directive(
                st, sym, "nonlocal declaration not allowed at module level%.0s",
                name);
            return false;
        }
        if (!ns_has(bound, name)) {
            error_at_directive(st, sym, "no binding for nonlocal '%s' found",
                               name);
            return false;
        }
        sym->scope = SYMT_SC_FREE;
        b->has_free = true;
        return ns_add(free, name);
    }
    if (sym->flags & SYMF_BOUND) {
        sym->scope = SYMT_SC_LOCAL;
        ns_discard(global, name);
        return ns_add(local, name);
    }
    if (ns_has(bound, name)) {
        sym->scope = SYMT_SC_FREE;
        b->has_free = true;
        return ns_add(free, name);
    }
    sym->scope = SYMT_SC_GLOBAL_IMPLICIT;
    return true;
}

static bool analyze_block(Symtable *st, SymtBlock *b, NameSet *bound,
                          NameSet *free, NameSet *global);

/* Analyse a child with copies of the sets, so siblings do not see each
 * other's changes; its free names are added to allfree. */
static bool analyze_child(Symtable *st, SymtBlock *child,
                          const NameSet *bound, const NameSet *global,
                          NameSet *allfree)
{
    NameSet cb = {0}, cg = {0}, cf = {0};
    bool ok = ns_union(&cb, bound) && ns_union(&cg, global) &&
              analyze_block(st, child, &cb, &cf, &cg) && ns_union(allfree, &cf);
    ns_free(&cb);
    ns_free(&cg);
    ns_free(&cf);
    return ok;
}

/* Locals of a function that a nested block uses become cells. */
static void analyze_cells(SymtBlock *b, NameSet *free)
{
    for (int i = 0; i < b->nsyms; i++) {
        SymtSymbol *s = &b->syms[i];
        if (s->scope == SYMT_SC_LOCAL && ns_has(free, s->name)) {
            s->scope = SYMT_SC_CELL;
            ns_discard(free, s->name);
        }
    }
}

/* Free names of nested blocks that this block does not mention pass
 * through it as free variables of its own (CPython's update_symbols). */
static bool propagate_free(Symtable *st, SymtBlock *b, const NameSet *bound,
                           const NameSet *free)
{
    for (int i = 0; i < free->n; i++) {
        const char *name = free->names[i];
        SymtSymbol *s = symt_lookup(b, name);
        if (s) {
            if (b->kind == SYMT_CLASS &&
                (s->flags & (SYMF_BOUND | SYMF_GLOBAL)))
                s->flags |= SYMF_FREE_CLASS;
            continue;
        }
        if (bound && !ns_has(bound, name))
            continue;
        s = intern_sym(st, b, name);
        if (!s)
            return false;
        s->scope = SYMT_SC_FREE;
    }
    return true;
}

static bool analyze_block(Symtable *st, SymtBlock *b, NameSet *bound,
                          NameSet *free, NameSet *global)
{
    NameSet local = {0}, newbound = {0}, newglobal = {0}, newfree = {0};
    bool ok = true;
    if (b->kind == SYMT_CLASS)
        ok = ns_union(&newglobal, global) && ns_union(&newbound, bound);
    /* The loop may append symbols to the table via propagate_free only
     * later, so iterating by index here is stable. */
    for (int i = 0; ok && i < b->nsyms; i++)
        ok = analyze_name(st, b, &b->syms[i], bound, &local, free, global);
    if (ok && b->kind != SYMT_CLASS) {
        if (b->kind == SYMT_FUNCTION)
            ok = ns_union(&newbound, &local);
        ok = ok && ns_union(&newbound, bound) && ns_union(&newglobal, global);
    } else if (ok) {
        ok = ns_add(&newbound, "__class__");
    }
    for (int i = 0; ok && i < b->nchildren; i++) {
        SymtBlock *c = b->children[i];
        ok = analyze_child(st, c, &newbound, &newglobal, &newfree);
        if (c->has_free || c->child_free)
            b->child_free = true;
    }
    if (ok && b->kind == SYMT_FUNCTION) {
        analyze_cells(b, &newfree);
    } else if (ok && b->kind == SYMT_CLASS && ns_has(&newfree, "__class__")) {
        ns_discard(&newfree, "__class__");
        b->needs_class_closure = true;
    }
    ok = ok && propagate_free(st, b, bound, &newfree) && ns_union(free, &newfree);
    ns_free(&local);
    ns_free(&newbound);
    ns_free(&newglobal);
    ns_free(&newfree);
    if (!ok && !st->msg[0])
        st->oom = true;
    return ok;
}

/* ---- entry points -------------------------------------------------- */

Symtable *symt_build(const AstNode *mod)
{
    Symtable *st = calloc(1, sizeof *st);
    if (!st)
        return NULL;
    st->top = enter_block(st, SYMT_MODULE, SYMT_DEF, "top", mod);
    if (st->top) {
        if (mod->kind == AST_MODULE || mod->kind == AST_INTERACTIVE)
            visit_stmts(st, &mod->v.module.body);
        else
            visit_expr(st, mod);
    }
    if (!failed(st)) {
        NameSet free = {0}, global = {0};
        analyze_block(st, st->top, NULL, &free, &global);
        ns_free(&free);
        ns_free(&global);
    }
    if (st->oom) {
        symt_free(st);
        return NULL;
    }
    return st;
}

void symt_free(Symtable *st)
{
    if (!st)
        return;
    for (int i = 0; i < st->nall; i++) {
        SymtBlock *b = st->all[i];
        free(b->children);
        free(b->syms);
        free(b->index);
        free(b);
    }
    for (int i = 0; i < st->nowned; i++)
        free(st->owned[i]);
    free(st->owned);
    free(st->all);
    free(st->map);
    free(st);
}
