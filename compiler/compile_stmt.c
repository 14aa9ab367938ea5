/* compile_stmt.c - code generation for statements.
 *
 * Control flow follows CPython 3.10's compiler: loops and try statements
 * push an entry on the unit's block stack so that break, continue and
 * return can leave them properly (pop the iterator, pop the try block,
 * run a finally body inline, call __exit__, leave an except handler).
 */
#include <string.h>

#include "compiler/compile_int.h"

/* ---- functions and classes ------------------------------------------- */

static void apply_decorators(Compiler *c, const AstNodeList *decos)
{
    int saved = c->u->line;
    for (size_t i = decos->count; i-- > 0;) {
        c->u->line = decos->items[i]->lineno;
        comp_op(c, OP_CALL_FUNCTION, 1);
    }
    c->u->line = saved;
}

/* The implicit `return None` at the end of a body carries the line of
 * the last statement, as CPython's does. */
static void implicit_return(Compiler *c, const AstNodeList *body)
{
    if (body->count)
        c->u->line = body->items[body->count - 1]->lineno;
    comp_load_const(c, V_NONE);
    comp_op(c, OP_RETURN_VALUE, 0);
}

static int compile_function(Compiler *c, const AstNode *s)
{
    const AstNodeList *decos = &s->v.function_def.decorators;
    const AstNode *args = s->v.function_def.args;
    for (size_t i = 0; i < decos->count; i++)
        TRY(comp_expr(c, decos->items[i]));
    int flags = 0;
    TRY(comp_default_args(c, args, &flags));
    SymtBlock *ste = symt_block_of(c->st, s);
    int first = decos->count ? decos->items[0]->lineno : s->lineno;
    TRY(comp_enter_unit(c, ste, UNIT_FUNCTION, s->v.function_def.name, first));
    const AstConstant *doc = comp_docstring(&s->v.function_def.body);
    comp_add_const(c, doc ? V_OBJ(str_new(doc->s, doc->len)) : V_NONE);
    c->u->argcount = (int)args->v.arguments.args.count;
    c->u->kwonlyargcount = (int)args->v.arguments.kwonlyargs.count;
    TRY(comp_body(c, &s->v.function_def.body));
    implicit_return(c, &s->v.function_def.body);
    CodeObj *co = comp_exit_unit(c);
    if (!co)
        return -1;
    TRY(comp_make_closure(c, co, flags));
    apply_decorators(c, decos);
    return comp_nameop(c, s->v.function_def.name, AST_CTX_STORE);
}

/* The class body: a function run with a fresh namespace as its locals,
 * returning the __class__ cell when a method needs it. */
static CodeObj *class_body(Compiler *c, const AstNode *s)
{
    SymtBlock *ste = symt_block_of(c->st, s);
    const AstNodeList *decos = &s->v.class_def.decorators;
    int first = decos->count ? decos->items[0]->lineno : s->lineno;
    if (comp_enter_unit(c, ste, UNIT_CLASS, s->v.class_def.name, first) < 0)
        return NULL;
    c->u->line = s->lineno;
    if (comp_nameop(c, "__name__", AST_CTX_LOAD) < 0 ||
        comp_nameop(c, "__module__", AST_CTX_STORE) < 0)
        return NULL;
    comp_load_const(c, V_OBJ(c->u->qualname));
    if (comp_nameop(c, "__qualname__", AST_CTX_STORE) < 0)
        return NULL;
    const AstConstant *doc = comp_docstring(&s->v.class_def.body);
    if (doc) {
        comp_load_const(c, V_OBJ(str_new(doc->s, doc->len)));
        if (comp_nameop(c, "__doc__", AST_CTX_STORE) < 0)
            return NULL;
    }
    if (comp_body(c, &s->v.class_def.body) < 0)
        return NULL;
    const AstNodeList *body = &s->v.class_def.body;
    if (body->count)
        c->u->line = body->items[body->count - 1]->lineno;
    if (ste->needs_class_closure)
        comp_op(c, OP_LOAD_CLOSURE, comp_deref_index(c->u, "__class__"));
    else
        comp_load_const(c, V_NONE);
    comp_op(c, OP_RETURN_VALUE, 0);
    return comp_exit_unit(c);
}

static int compile_class(Compiler *c, const AstNode *s)
{
    const AstNodeList *decos = &s->v.class_def.decorators;
    if (s->v.class_def.keywords.count) {
        const AstNode *kw = s->v.class_def.keywords.items[0];
        const char *name = kw->v.keyword.arg;
        if (name && strcmp(name, "metaclass") == 0)
            return comp_error(c, kw, "metaclasses are not supported by sigvm");
        return comp_error(c, kw,
                          "class keyword arguments are not supported by sigvm");
    }
    for (size_t i = 0; i < decos->count; i++)
        TRY(comp_expr(c, decos->items[i]));
    CodeObj *co = class_body(c, s);
    if (!co)
        return -1;
    comp_op(c, OP_LOAD_BUILD_CLASS, 0);
    TRY(comp_make_closure(c, co, 0));
    comp_load_const(c, V_OBJ(comp_intern(c, s->v.class_def.name)));
    TRY(comp_call_helper(c, 2, &s->v.class_def.bases,
                         &s->v.class_def.keywords));
    apply_decorators(c, decos);
    return comp_nameop(c, s->v.class_def.name, AST_CTX_STORE);
}

/* ---- simple statements ------------------------------------------------ */

/* Whether leaving the blocks runs a POP_EXCEPT (we are inside an except
 * clause or an exceptional finally body). */
static int unwind_pops_except(Compiler *c)
{
    for (int i = 0; i < c->u->nfblocks; i++) {
        FBlockKind k = c->u->fblocks[i].kind;
        if (k == FB_HANDLER_CLEANUP || k == FB_FINALLY_END)
            return 1;
    }
    return 0;
}

/* The value of `return x` is kept on the stack while the blocks are left
 * (ROT_TWO past iterators and __exit__ calls), except where a POP_EXCEPT
 * runs: sigvm's POP_EXCEPT cuts the stack to the handler's level, so the
 * value waits in a hidden local instead.  (CPython 3.10 lets it sit
 * below the saved exception; opcodes.h does not.) */
static int compile_return(Compiler *c, const AstNode *s)
{
    const AstNode *v = s->v.return_.value;
    if (c->u->kind != UNIT_FUNCTION)
        return comp_error(c, s, "'return' outside function");
    int preserve = v && v->kind != AST_CONSTANT;
    int stash = preserve && unwind_pops_except(c);
    int slot = stash ? comp_varname_index(c, ".retval") : 0;
    if (preserve)
        TRY(comp_expr(c, v));
    if (stash)
        comp_op(c, OP_STORE_FAST, slot);
    TRY(comp_unwind_fblock_stack(c, preserve && !stash, NULL));
    if (stash)
        comp_op(c, OP_LOAD_FAST, slot);
    else if (!v)
        comp_load_const(c, V_NONE);
    else if (!preserve)
        TRY(comp_expr(c, v));
    comp_op(c, OP_RETURN_VALUE, 0);
    return 0;
}

static int compile_del_target(Compiler *c, const AstNode *t)
{
    int saved = c->u->line;
    c->u->line = t->lineno;
    switch (t->kind) {
    case AST_NAME:
        TRY(comp_nameop(c, t->v.name.id, AST_CTX_DEL));
        break;
    case AST_ATTRIBUTE:
        TRY(comp_expr(c, t->v.attribute.value));
        comp_name_op(c, OP_DELETE_ATTR, t->v.attribute.attr);
        break;
    case AST_SUBSCRIPT:
        TRY(comp_expr(c, t->v.subscript.value));
        TRY(comp_expr(c, t->v.subscript.slice));
        comp_op(c, OP_DELETE_SUBSCR, 0);
        break;
    case AST_TUPLE:
    case AST_LIST:
        for (size_t i = 0; i < t->v.seq.elts.count; i++)
            TRY(compile_del_target(c, t->v.seq.elts.items[i]));
        break;
    default:
        return comp_error(c, t, "cannot delete expression");
    }
    c->u->line = saved;
    return 0;
}

static int is_plain_seq(const AstNode *e)
{
    if (e->kind != AST_TUPLE && e->kind != AST_LIST)
        return 0;
    for (size_t i = 0; i < e->v.seq.elts.count; i++)
        if (e->v.seq.elts.items[i]->kind == AST_STARRED)
            return 0;
    return 1;
}

/* `a, b = b, a` (two or three items on both sides) needs no tuple: the
 * values are evaluated in order and rotated into unpacking order, as
 * CPython's peephole pass does. */
static int try_swap_assign(Compiler *c, const AstNode *s)
{
    const AstNode *t = s->v.assign.targets.items[0];
    const AstNode *v = s->v.assign.value;
    if (s->v.assign.targets.count != 1 || !is_plain_seq(t) ||
        !is_plain_seq(v) || v->kind != AST_TUPLE)
        return 0;
    size_t n = t->v.seq.elts.count;
    if (n != v->v.seq.elts.count || n < 2 || n > 3)
        return 0;
    for (size_t i = 0; i < n; i++)
        TRY(comp_expr(c, v->v.seq.elts.items[i]));
    if (n == 3)
        comp_op(c, OP_ROT_THREE, 0);
    comp_op(c, OP_ROT_TWO, 0);
    for (size_t i = 0; i < n; i++)
        TRY(comp_store_target(c, t->v.seq.elts.items[i]));
    return 1;
}

static int compile_assign(Compiler *c, const AstNode *s)
{
    int r = try_swap_assign(c, s);
    if (r != 0)
        return r < 0 ? -1 : 0;
    TRY(comp_expr(c, s->v.assign.value));
    size_t n = s->v.assign.targets.count;
    for (size_t i = 0; i < n; i++) {
        if (i + 1 < n)
            comp_op(c, OP_DUP_TOP, 0);
        TRY(comp_store_target(c, s->v.assign.targets.items[i]));
    }
    return 0;
}

/* The container and key are evaluated once: DUP_TOP(_TWO) keeps them for
 * the store, ROT_* brings the result below them. */
static int compile_augassign(Compiler *c, const AstNode *s)
{
    const AstNode *t = s->v.aug_assign.target;
    switch (t->kind) {
    case AST_ATTRIBUTE:
        TRY(comp_expr(c, t->v.attribute.value));
        comp_op(c, OP_DUP_TOP, 0);
        comp_name_op(c, OP_LOAD_ATTR, t->v.attribute.attr);
        break;
    case AST_SUBSCRIPT:
        TRY(comp_expr(c, t->v.subscript.value));
        TRY(comp_expr(c, t->v.subscript.slice));
        comp_op(c, OP_DUP_TOP_TWO, 0);
        comp_op(c, OP_BINARY_SUBSCR, 0);
        break;
    case AST_NAME:
        TRY(comp_nameop(c, t->v.name.id, AST_CTX_LOAD));
        break;
    default:
        return comp_error(c, t, "'%s' is an illegal expression for augmented "
                          "assignment", ast_kind_name(t->kind));
    }
    TRY(comp_expr(c, s->v.aug_assign.value));
    comp_op(c, OP_BINARY_OP, BOP_INPLACE + comp_binop_arg(s->v.aug_assign.op));
    int saved = c->u->line;
    c->u->line = t->lineno;
    switch (t->kind) {
    case AST_ATTRIBUTE:
        comp_op(c, OP_ROT_TWO, 0);
        comp_name_op(c, OP_STORE_ATTR, t->v.attribute.attr);
        break;
    case AST_SUBSCRIPT:
        comp_op(c, OP_ROT_THREE, 0);
        comp_op(c, OP_STORE_SUBSCR, 0);
        break;
    default:
        TRY(comp_nameop(c, t->v.name.id, AST_CTX_STORE));
        break;
    }
    c->u->line = saved;
    return 0;
}

static int compile_expr_stmt(Compiler *c, const AstNode *s)
{
    const AstNode *v = s->v.expr.value;
    if (c->mode == COMP_SINGLE && c->u->kind == UNIT_MODULE) {
        TRY(comp_expr(c, v));
        comp_op(c, OP_PRINT_EXPR, 0);
        return 0;
    }
    if (v->kind == AST_CONSTANT) {
        /* A docstring or `...`: nothing to run, but a too large integer
         * literal is still an error. */
        Value ignored;
        return comp_constant(c, v, &ignored);
    }
    TRY(comp_expr(c, v));
    comp_op(c, OP_POP_TOP, 0);
    return 0;
}

static int compile_raise(Compiler *c, const AstNode *s)
{
    int n = 0;
    if (s->v.raise.exc) {
        TRY(comp_expr(c, s->v.raise.exc));
        n++;
        if (s->v.raise.cause) {
            TRY(comp_expr(c, s->v.raise.cause));
            n++;
        }
    }
    comp_op(c, OP_RAISE_VARARGS, n);
    return 0;
}

static int compile_assert(Compiler *c, const AstNode *s)
{
    int end = comp_new_label(c);
    TRY(comp_jump_if(c, s->v.assert_.test, end, 1));
    comp_op(c, OP_LOAD_ASSERTION_ERROR, 0);
    if (s->v.assert_.msg) {
        TRY(comp_expr(c, s->v.assert_.msg));
        comp_op(c, OP_CALL_FUNCTION, 1);
    }
    comp_op(c, OP_RAISE_VARARGS, 1);
    comp_place(c, end);
    return 0;
}

static int compile_import(Compiler *c, const AstNode *s)
{
    for (size_t i = 0; i < s->v.import.names.count; i++) {
        const AstNode *a = s->v.import.names.items[i];
        const char *name = a->v.alias.name;
        const char *store = symt_import_binding(c->st, a);
        if (!store) {
            err_no_memory();
            return -1;
        }
        comp_name_op(c, OP_IMPORT_NAME, name);
        if (!a->v.alias.asname && strcmp(store, name) != 0) {
            /* `import a.b` imports a.b but binds the top package. */
            comp_op(c, OP_POP_TOP, 0);
            comp_name_op(c, OP_IMPORT_NAME, store);
        }
        TRY(comp_nameop(c, store, AST_CTX_STORE));
    }
    return 0;
}

static int compile_import_from(Compiler *c, const AstNode *s)
{
    if (s->v.import_from.level > 0)
        return comp_error(c, s, "relative imports are not supported by sigvm");
    if (s->v.import_from.star)
        return comp_error(c, s, "'import *' is not supported by sigvm");
    comp_name_op(c, OP_IMPORT_NAME, s->v.import_from.module);
    for (size_t i = 0; i < s->v.import_from.names.count; i++) {
        const AstNode *a = s->v.import_from.names.items[i];
        comp_name_op(c, OP_IMPORT_FROM, a->v.alias.name);
        const char *store = a->v.alias.asname ? a->v.alias.asname
                                              : a->v.alias.name;
        TRY(comp_nameop(c, store, AST_CTX_STORE));
    }
    comp_op(c, OP_POP_TOP, 0);
    return 0;
}

static int compile_break(Compiler *c, const AstNode *s)
{
    FBlock *loop = NULL;
    TRY(comp_unwind_fblock_stack(c, 0, &loop));
    if (!loop)
        return comp_error(c, s, "'break' outside loop");
    TRY(comp_unwind_fblock(c, loop, 0));
    comp_jump(c, OP_JUMP, loop->exit);
    return 0;
}

static int compile_continue(Compiler *c, const AstNode *s)
{
    FBlock *loop = NULL;
    TRY(comp_unwind_fblock_stack(c, 0, &loop));
    if (!loop)
        return comp_error(c, s, "'continue' not properly in loop");
    comp_jump(c, OP_JUMP, loop->start);
    return 0;
}

/* ---- compound statements ---------------------------------------------- */

static int compile_if(Compiler *c, const AstNode *s)
{
    int end = comp_new_label(c);
    int has_else = s->v.if_.orelse.count > 0;
    int next = has_else ? comp_new_label(c) : end;
    TRY(comp_jump_if(c, s->v.if_.test, next, 0));
    TRY(comp_stmts(c, &s->v.if_.body));
    if (has_else) {
        comp_jump(c, OP_JUMP, end);
        comp_place(c, next);
        TRY(comp_stmts(c, &s->v.if_.orelse));
    }
    comp_place(c, end);
    return 0;
}

static int compile_for(Compiler *c, const AstNode *s)
{
    int start = comp_new_label(c), cleanup = comp_new_label(c);
    int end = comp_new_label(c);
    TRY(comp_push_fblock(c, s, FB_FOR, start, end, NULL));
    TRY(comp_expr(c, s->v.for_.iter));
    /* Argument 1: the iterable is what the call just before returned, so
     * a generator made by that call belongs to the loop alone. */
    comp_op(c, OP_GET_ITER, s->v.for_.iter->kind == AST_CALL);
    comp_place(c, start);
    comp_jump(c, OP_FOR_ITER, cleanup);
    TRY(comp_store_target(c, s->v.for_.target));
    TRY(comp_stmts(c, &s->v.for_.body));
    c->u->line = s->lineno; /* the back edge belongs to the `for` line */
    comp_jump(c, OP_JUMP, start);
    comp_place(c, cleanup);
    comp_pop_fblock(c);
    TRY(comp_stmts(c, &s->v.for_.orelse));
    comp_place(c, end);
    return 0;
}

/* The test is compiled twice, at the top and as the back edge, so an
 * iteration costs one conditional jump instead of a jump and a test. */
static int compile_while(Compiler *c, const AstNode *s)
{
    int loop = comp_new_label(c), body = comp_new_label(c);
    int orelse = comp_new_label(c), end = comp_new_label(c);
    int forever = comp_const_truth(s->v.while_.test) == 1;
    comp_place(c, loop);
    TRY(comp_push_fblock(c, s, FB_WHILE, loop, end, NULL));
    if (!forever)
        TRY(comp_jump_if(c, s->v.while_.test, orelse, 0));
    comp_place(c, body);
    TRY(comp_stmts(c, &s->v.while_.body));
    c->u->line = s->lineno;
    if (forever)
        comp_jump(c, OP_JUMP, body);
    else
        TRY(comp_jump_if(c, s->v.while_.test, body, 1));
    comp_pop_fblock(c);
    comp_place(c, orelse);
    TRY(comp_stmts(c, &s->v.while_.orelse));
    comp_place(c, end);
    return 0;
}

/* One with-item per level; the innermost runs the body.  On the normal
 * path __exit__(None, None, None) is called; on an exception the handler
 * finds [exit, prev_exc, exc] and WITH_EXCEPT_START calls exit. */
static int compile_with(Compiler *c, const AstNode *s, size_t pos)
{
    const AstNode *item = s->v.with.items.items[pos];
    int final = comp_new_label(c), exit = comp_new_label(c);
    int suppress = comp_new_label(c);
    TRY(comp_expr(c, item->v.withitem.context_expr));
    comp_jump(c, OP_SETUP_WITH, final);
    TRY(comp_push_fblock(c, s, FB_WITH, 0, final, s));
    if (item->v.withitem.optional_vars)
        TRY(comp_store_target(c, item->v.withitem.optional_vars));
    else
        comp_op(c, OP_POP_TOP, 0);
    if (pos + 1 == s->v.with.items.count)
        TRY(comp_stmts(c, &s->v.with.body));
    else
        TRY(compile_with(c, s, pos + 1));
    c->u->line = s->lineno;
    comp_op(c, OP_POP_BLOCK, 0);
    comp_pop_fblock(c);
    comp_call_exit_with_nones(c);
    comp_op(c, OP_POP_TOP, 0);
    comp_jump(c, OP_JUMP, exit);
    comp_place(c, final);
    comp_op(c, OP_WITH_EXCEPT_START, 0);
    comp_jump(c, OP_POP_JUMP_IF_TRUE, suppress);
    comp_op(c, OP_RERAISE, 0);
    comp_place(c, suppress);
    comp_op(c, OP_POP_TOP, 0);    /* exc */
    comp_op(c, OP_POP_EXCEPT, 0); /* prev_exc back into place */
    comp_op(c, OP_POP_TOP, 0);    /* exit */
    comp_place(c, exit);
    return 0;
}

static int store_none_and_delete(Compiler *c, const char *name)
{
    comp_load_const(c, V_NONE);
    TRY(comp_nameop(c, name, AST_CTX_STORE));
    return comp_nameop(c, name, AST_CTX_DEL);
}

/* `except E as name:` runs its body inside an implicit try/finally that
 * unbinds name, so the exception does not keep the frame alive. */
static int compile_named_handler(Compiler *c, const AstNode *h, int end)
{
    const char *name = h->v.except_handler.name;
    int cleanup_end = comp_new_label(c);
    TRY(comp_nameop(c, name, AST_CTX_STORE));
    comp_jump(c, OP_SETUP_FINALLY, cleanup_end);
    TRY(comp_push_fblock(c, h, FB_HANDLER_CLEANUP, 0, 0, h));
    TRY(comp_stmts(c, &h->v.except_handler.body));
    comp_pop_fblock(c);
    c->u->line = h->lineno;
    comp_op(c, OP_POP_BLOCK, 0);
    comp_op(c, OP_POP_EXCEPT, 0);
    TRY(store_none_and_delete(c, name));
    comp_jump(c, OP_JUMP, end);
    comp_place(c, cleanup_end);
    TRY(store_none_and_delete(c, name));
    comp_op(c, OP_RERAISE, 0);
    return 0;
}

static int compile_handler(Compiler *c, const AstNode *h, int end)
{
    if (h->v.except_handler.name)
        return compile_named_handler(c, h, end);
    comp_op(c, OP_POP_TOP, 0);
    TRY(comp_push_fblock(c, h, FB_HANDLER_CLEANUP, 0, 0, NULL));
    TRY(comp_stmts(c, &h->v.except_handler.body));
    comp_pop_fblock(c);
    c->u->line = h->lineno;
    comp_op(c, OP_POP_EXCEPT, 0);
    comp_jump(c, OP_JUMP, end);
    return 0;
}

/* A handler starts with [..., prev_exc, exc]; each clause tests exc and
 * either handles it or falls to the next clause; none matching re-raises. */
static int compile_try_except(Compiler *c, const AstNode *s)
{
    int handlers = comp_new_label(c), orelse = comp_new_label(c);
    int end = comp_new_label(c);
    comp_jump(c, OP_SETUP_FINALLY, handlers);
    TRY(comp_push_fblock(c, s, FB_TRY_EXCEPT, 0, 0, NULL));
    TRY(comp_stmts(c, &s->v.try_.body));
    comp_pop_fblock(c);
    comp_op(c, OP_POP_BLOCK, 0);
    comp_jump(c, OP_JUMP, orelse);
    comp_place(c, handlers);
    TRY(comp_push_fblock(c, s, FB_EXCEPTION_HANDLER, 0, 0, NULL));
    size_t n = s->v.try_.handlers.count;
    for (size_t i = 0; i < n; i++) {
        const AstNode *h = s->v.try_.handlers.items[i];
        c->u->line = h->lineno;
        if (!h->v.except_handler.type && i + 1 < n)
            return comp_error(c, h, "default 'except:' must be last");
        int next = comp_new_label(c);
        if (h->v.except_handler.type) {
            comp_op(c, OP_DUP_TOP, 0);
            TRY(comp_expr(c, h->v.except_handler.type));
            comp_jump(c, OP_JUMP_IF_NOT_EXC_MATCH, next);
        }
        TRY(compile_handler(c, h, end));
        comp_place(c, next);
    }
    comp_pop_fblock(c);
    comp_op(c, OP_RERAISE, 0);
    comp_place(c, orelse);
    c->u->line = s->lineno;
    TRY(comp_stmts(c, &s->v.try_.orelse));
    comp_place(c, end);
    return 0;
}

/* The finally body is compiled twice: inline for the normal path, and as
 * the handler that runs with the exception pending and re-raises it. */
static int compile_try_finally(Compiler *c, const AstNode *s)
{
    int handler = comp_new_label(c), exit = comp_new_label(c);
    comp_jump(c, OP_SETUP_FINALLY, handler);
    TRY(comp_push_fblock(c, s, FB_FINALLY_TRY, 0, handler, s));
    if (s->v.try_.handlers.count)
        TRY(compile_try_except(c, s));
    else
        TRY(comp_stmts(c, &s->v.try_.body));
    comp_op(c, OP_POP_BLOCK, 0);
    comp_pop_fblock(c);
    TRY(comp_stmts(c, &s->v.try_.finalbody));
    comp_jump(c, OP_JUMP, exit);
    comp_place(c, handler);
    TRY(comp_push_fblock(c, s, FB_FINALLY_END, handler, 0, NULL));
    TRY(comp_stmts(c, &s->v.try_.finalbody));
    comp_pop_fblock(c);
    comp_op(c, OP_RERAISE, 0);
    comp_place(c, exit);
    return 0;
}

/* ---- dispatch ---------------------------------------------------------- */

static int compile_stmt_kind(Compiler *c, const AstNode *s)
{
    switch (s->kind) {
    case AST_FUNCTION_DEF: return compile_function(c, s);
    case AST_CLASS_DEF: return compile_class(c, s);
    case AST_RETURN: return compile_return(c, s);
    case AST_DELETE:
        for (size_t i = 0; i < s->v.delete_.targets.count; i++)
            TRY(compile_del_target(c, s->v.delete_.targets.items[i]));
        return 0;
    case AST_ASSIGN: return compile_assign(c, s);
    case AST_AUG_ASSIGN: return compile_augassign(c, s);
    case AST_ANN_ASSIGN:
        if (!s->v.ann_assign.value)
            return 0;
        TRY(comp_expr(c, s->v.ann_assign.value));
        return comp_store_target(c, s->v.ann_assign.target);
    case AST_FOR: return compile_for(c, s);
    case AST_WHILE: return compile_while(c, s);
    case AST_IF: return compile_if(c, s);
    case AST_WITH: return compile_with(c, s, 0);
    case AST_RAISE: return compile_raise(c, s);
    case AST_TRY:
        return s->v.try_.finalbody.count ? compile_try_finally(c, s)
                                         : compile_try_except(c, s);
    case AST_ASSERT: return compile_assert(c, s);
    case AST_IMPORT: return compile_import(c, s);
    case AST_IMPORT_FROM: return compile_import_from(c, s);
    case AST_EXPR: return compile_expr_stmt(c, s);
    case AST_BREAK: return compile_break(c, s);
    case AST_CONTINUE: return compile_continue(c, s);
    case AST_GLOBAL:
    case AST_NONLOCAL:
    case AST_PASS:
        return 0;
    default:
        return comp_error(c, s, "%s is not supported by sigvm",
                          ast_kind_name(s->kind));
    }
}

int comp_stmt(Compiler *c, const AstNode *s)
{
    int saved = c->u->line;
    c->u->line = s->lineno;
    int r = compile_stmt_kind(c, s);
    c->u->line = saved;
    return r;
}

int comp_stmts(Compiler *c, const AstNodeList *l)
{
    for (size_t i = 0; i < l->count; i++)
        TRY(comp_stmt(c, l->items[i]));
    return 0;
}

int comp_body(Compiler *c, const AstNodeList *l)
{
    size_t start = comp_docstring(l) ? 1 : 0;
    for (size_t i = start; i < l->count; i++)
        TRY(comp_stmt(c, l->items[i]));
    return 0;
}
