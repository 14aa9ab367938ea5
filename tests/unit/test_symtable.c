/* test_symtable.c - scopes and name classification. */
#include <criterion/criterion.h>
#include <string.h>

#include "compiler/parser.h"
#include "compiler/symtable.h"

static AstArena arena;
static bool have_arena;
static Symtable *st;

static void teardown(void)
{
    symt_free(st);
    st = NULL;
    if (have_arena)
        ast_arena_free(&arena);
    have_arena = false;
}

/* A fresh arena; a test that builds twice drops the first table. */
static void fresh_arena(void)
{
    teardown();
    ast_arena_init(&arena);
    have_arena = true;
}

TestSuite(symtable, .fini = teardown);

/* Build the table for src; the test owns it until teardown. */
static Symtable *build(const char *src)
{
    SyntaxErrorInfo err;
    memset(&err, 0, sizeof err);
    fresh_arena();
    AstNode *mod = parse_module(&arena, src, strlen(src), "t.py", &err);
    cr_assert_not_null(mod, "parse failed: %s", err.msg);
    st = symt_build(mod);
    cr_assert_not_null(st);
    return st;
}

static Symtable *build_ok(const char *src)
{
    build(src);
    cr_assert_str_eq(st->msg, "", "unexpected error: %s", st->msg);
    return st;
}

/* The first block named `name` anywhere in the tree. */
static SymtBlock *find_block(SymtBlock *b, const char *name)
{
    if (strcmp(b->name, name) == 0)
        return b;
    for (int i = 0; i < b->nchildren; i++) {
        SymtBlock *r = find_block(b->children[i], name);
        if (r)
            return r;
    }
    return NULL;
}

static SymtBlock *block(const char *name)
{
    SymtBlock *b = find_block(st->top, name);
    cr_assert_not_null(b, "no block %s", name);
    return b;
}

static void expect_error(const char *src, const char *msg, int line, int col)
{
    build(src);
    cr_assert_str_eq(st->msg, msg);
    cr_assert_eq(st->lineno, line, "line of %s", msg);
    cr_assert_eq(st->col, col, "col of %s", msg);
}

Test(symtable, module_names_are_local_or_implicit_global)
{
    build_ok("x = 1\nprint(x)\n");
    cr_assert_eq(symt_scope(st->top, "x"), SYMT_SC_LOCAL);
    cr_assert_eq(symt_scope(st->top, "print"), SYMT_SC_GLOBAL_IMPLICIT);
    cr_assert_eq(st->top->kind, SYMT_MODULE);
}

Test(symtable, parameters_first_in_varnames_order)
{
    build_ok("def f(a, b=1, *args, c, d=2, **kw):\n    e = a\n");
    SymtBlock *f = block("f");
    const char *want[] = {"a", "b", "c", "d", "args", "kw"};
    cr_assert_eq(f->nparams, 6);
    for (int i = 0; i < 6; i++) {
        cr_assert_str_eq(f->syms[i].name, want[i]);
        cr_assert(f->syms[i].flags & SYMF_PARAM);
    }
    cr_assert(f->varargs);
    cr_assert(f->varkeywords);
    cr_assert_eq(symt_scope(f, "e"), SYMT_SC_LOCAL);
}

Test(symtable, explicit_global_in_function)
{
    build_ok("def f():\n    global g\n    g = 1\n");
    cr_assert_eq(symt_scope(block("f"), "g"), SYMT_SC_GLOBAL_EXPLICIT);
    cr_assert_eq(symt_scope(st->top, "g"), SYMT_SC_GLOBAL_EXPLICIT);
}

Test(symtable, captured_local_becomes_cell_and_free)
{
    build_ok("def f():\n    x = 1\n    def g():\n        return x\n");
    cr_assert_eq(symt_scope(block("f"), "x"), SYMT_SC_CELL);
    cr_assert_eq(symt_scope(block("g"), "x"), SYMT_SC_FREE);
    cr_assert(block("g")->has_free);
    cr_assert(block("f")->child_free);
}

Test(symtable, free_variable_passes_through_middle_function)
{
    build_ok("def f():\n    x = 1\n    def g():\n        def h():\n"
             "            return x\n");
    cr_assert_eq(symt_scope(block("g"), "x"), SYMT_SC_FREE);
    cr_assert_eq(symt_scope(block("h"), "x"), SYMT_SC_FREE);
}

Test(symtable, nonlocal_binds_to_enclosing_function)
{
    build_ok("def f():\n    n = 0\n    def g():\n        nonlocal n\n"
             "        n = 2\n");
    cr_assert_eq(symt_scope(block("f"), "n"), SYMT_SC_CELL);
    cr_assert_eq(symt_scope(block("g"), "n"), SYMT_SC_FREE);
}

Test(symtable, global_declaration_hides_enclosing_binding)
{
    build_ok("def f():\n    x = 1\n    def g():\n        global x\n"
             "        def h():\n            return x\n");
    cr_assert_eq(symt_scope(block("f"), "x"), SYMT_SC_LOCAL);
    cr_assert_eq(symt_scope(block("h"), "x"), SYMT_SC_GLOBAL_IMPLICIT);
}

Test(symtable, class_scope_is_not_visible_from_methods)
{
    build_ok("class C:\n    v = 1\n    def m(self):\n        return v\n");
    cr_assert_eq(symt_scope(block("C"), "v"), SYMT_SC_LOCAL);
    cr_assert_eq(symt_scope(block("m"), "v"), SYMT_SC_GLOBAL_IMPLICIT);
}

Test(symtable, super_needs_the_class_cell)
{
    build_ok("class C:\n    def m(self):\n        return super().m()\n");
    cr_assert(block("C")->needs_class_closure);
    cr_assert_eq(symt_scope(block("m"), "__class__"), SYMT_SC_FREE);
}

Test(symtable, no_class_cell_without_super)
{
    build_ok("class C:\n    def m(self):\n        return 1\n");
    cr_assert_not(block("C")->needs_class_closure);
}

Test(symtable, class_local_also_free_in_method_is_free_class)
{
    build_ok("def f():\n    x = 1\n    class C:\n        x = 2\n"
             "        def m(self):\n            return x\n");
    SymtSymbol *s = symt_lookup(block("C"), "x");
    cr_assert_not_null(s);
    cr_assert_eq(s->scope, SYMT_SC_LOCAL);
    cr_assert(s->flags & SYMF_FREE_CLASS);
    cr_assert_eq(symt_scope(block("f"), "x"), SYMT_SC_CELL);
}

Test(symtable, comprehension_is_its_own_function)
{
    build_ok("def f(r):\n    return [i for i in r]\n");
    SymtBlock *lc = block("<listcomp>");
    cr_assert_eq(lc->kind, SYMT_FUNCTION);
    cr_assert_eq(lc->fkind, SYMT_LISTCOMP);
    cr_assert_str_eq(lc->syms[0].name, ".0");
    cr_assert_eq(lc->nparams, 1);
    cr_assert_eq(symt_scope(lc, "i"), SYMT_SC_LOCAL);
    /* The iterable belongs to the enclosing function. */
    cr_assert_eq(symt_scope(block("f"), "r"), SYMT_SC_LOCAL);
    cr_assert_eq(symt_scope(block("f"), "i"), SYMT_SC_NONE);
}

Test(symtable, generator_expression_is_a_generator)
{
    build_ok("g = (x for x in y)\ndef h():\n    yield 1\ndef k():\n    return 1\n");
    cr_assert(block("<genexpr>")->generator);
    cr_assert(block("h")->generator);
    cr_assert_not(block("k")->generator);
}

Test(symtable, lambda_scope)
{
    build_ok("def f(a):\n    return lambda b: a + b\n");
    SymtBlock *l = block("<lambda>");
    cr_assert_eq(symt_scope(l, "b"), SYMT_SC_LOCAL);
    cr_assert_eq(symt_scope(l, "a"), SYMT_SC_FREE);
    cr_assert_eq(symt_scope(block("f"), "a"), SYMT_SC_CELL);
}

Test(symtable, import_binds_first_component)
{
    build_ok("def f():\n    import os.path\n    import sys as s\n");
    cr_assert_eq(symt_scope(block("f"), "os"), SYMT_SC_LOCAL);
    cr_assert_eq(symt_scope(block("f"), "s"), SYMT_SC_LOCAL);
    cr_assert_eq(symt_scope(block("f"), "sys"), SYMT_SC_NONE);
}

Test(symtable, except_name_and_for_target_are_local)
{
    build_ok("def f():\n    for i in r:\n        pass\n    try:\n        pass\n"
             "    except E as e:\n        pass\n");
    cr_assert_eq(symt_scope(block("f"), "i"), SYMT_SC_LOCAL);
    cr_assert_eq(symt_scope(block("f"), "e"), SYMT_SC_LOCAL);
    cr_assert_eq(symt_scope(block("f"), "E"), SYMT_SC_GLOBAL_IMPLICIT);
}

Test(symtable, block_of_maps_nodes)
{
    build_ok("def f():\n    pass\n");
    const AstNode *def = block("f")->node;
    cr_assert_eq(symt_block_of(st, def), block("f"));
}

Test(symtable, error_assigned_before_global)
{
    expect_error("def f():\n    x = 1\n    global x\n",
                 "name 'x' is assigned to before global declaration", 3, 4);
}

Test(symtable, error_used_before_global)
{
    expect_error("def f():\n    print(x)\n    global x\n",
                 "name 'x' is used prior to global declaration", 3, 4);
}

Test(symtable, error_parameter_and_global)
{
    expect_error("def f(x):\n    global x\n", "name 'x' is parameter and global",
                 2, 4);
    expect_error("def f(x):\n    nonlocal x\n",
                 "name 'x' is parameter and nonlocal", 2, 4);
}

/* The parser rejects some of these itself, so the trees for them are
 * made by editing a valid one. */
static Symtable *build_edited(const char *src, void (*edit)(AstNode *mod))
{
    SyntaxErrorInfo err;
    memset(&err, 0, sizeof err);
    fresh_arena();
    AstNode *mod = parse_module(&arena, src, strlen(src), "t.py", &err);
    cr_assert_not_null(mod, "parse failed: %s", err.msg);
    edit(mod);
    st = symt_build(mod);
    cr_assert_not_null(st);
    return st;
}

static void global_to_nonlocal(AstNode *mod)
{
    mod->v.module.body.items[0]->kind = AST_NONLOCAL;
}

Test(symtable, error_nonlocal_at_module_level)
{
    build_edited("global x\n", global_to_nonlocal);
    cr_assert_str_eq(st->msg, "nonlocal declaration not allowed at module level");
    cr_assert_eq(st->lineno, 1);
}

Test(symtable, error_no_binding_for_nonlocal)
{
    expect_error("def f():\n    nonlocal x\n", "no binding for nonlocal 'x' found",
                 2, 4);
    /* A class body's names are no binding for nonlocal either. */
    expect_error("class C:\n    x = 1\n    def m(self):\n        nonlocal x\n",
                 "no binding for nonlocal 'x' found", 4, 8);
}

Test(symtable, error_nonlocal_and_global)
{
    expect_error("def f():\n    x = 1\n    def g():\n        global x\n"
                 "        nonlocal x\n",
                 "name 'x' is nonlocal and global", 4, 8);
}

/* {x: 1 for x in y} with the key replaced by (yield x). */
static void key_to_yield(AstNode *mod)
{
    AstNode *f = mod->v.module.body.items[0];
    AstNode *dc = f->v.function_def.body.items[0]->v.expr.value;
    AstNode *key = dc->v.dict_comp.key;
    AstNode *y = ast_node_new(&arena, AST_YIELD, key->lineno, key->col_offset,
                              key->end_lineno, key->end_col_offset);
    y->v.yield.value = key;
    dc->v.dict_comp.key = y;
}

Test(symtable, error_yield_in_comprehension)
{
    build_edited("def f():\n  {x: 1 for x in y}\n", key_to_yield);
    cr_assert_str_eq(st->msg, "'yield' inside dict comprehension");
    cr_assert_eq(st->lineno, 2);
    cr_assert_eq(st->col, 3);
}

static void import_to_star(AstNode *mod)
{
    AstNode *f = mod->v.module.body.items[0];
    f->v.function_def.body.items[0]->v.import_from.star = true;
}

Test(symtable, error_import_star_in_function)
{
    build_edited("def f():\n  from os import path\n", import_to_star);
    cr_assert_str_eq(st->msg, "import * only allowed at module level");
    cr_assert_eq(st->lineno, 2);
}
