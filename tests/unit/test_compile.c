/* test_compile.c - the code generator: instruction sequences, name
 * operations, closures, stack sizes, line tables and compile-time errors.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/compiler.h"

static const char *const opnames[] = {
#define OPCODE(name, effect, jump_effect) #name,
    SIGVM_OPCODES(OPCODE)
#undef OPCODE
};

static void setup(void)
{
    rt_init();
}

TestSuite(compile, .init = setup);

static CodeObj *compile_mode(const char *src, int mode)
{
    CodeObj *co = comp_compile_source(src, strlen(src), "t.py", mode);
    if (!co) {
        Value e = err_fetch();
        Value m = obj_getattr_cstr(e, "msg");
        cr_assert_fail("compile failed: %s",
                 IS_OBJ(m) ? STR_CSTR((StrObj *)AS_OBJ(m)) : "?");
    }
    return co;
}

static CodeObj *compile(const char *src)
{
    return compile_mode(src, COMP_FILE);
}

/* "OP arg; OP arg; ..." for the whole code object. */
static char *listing(const CodeObj *co)
{
    static char buf[8192];
    size_t n = 0;
    buf[0] = 0;
    for (int i = 0; i < co->ncode && n < sizeof buf - 64; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s %d",
                              i ? "; " : "", opnames[INSTR_OP(co->code[i])],
                              INSTR_ARG(co->code[i]));
    return buf;
}

/* The nested code object named `name` among co's constants. */
static CodeObj *child(const CodeObj *co, const char *name)
{
    for (int i = 0; i < co->nconsts; i++) {
        Value v = co->consts[i];
        if (IS_OBJ(v) && OBJ_TYPE(AS_OBJ(v)) == &code_type &&
            strcmp(STR_CSTR(((CodeObj *)AS_OBJ(v))->name), name) == 0)
            return (CodeObj *)AS_OBJ(v);
    }
    cr_assert_fail("no nested code object %s", name);
    return NULL;
}

static int count_op(const CodeObj *co, int op)
{
    int n = 0;
    for (int i = 0; i < co->ncode; i++)
        n += INSTR_OP(co->code[i]) == op;
    return n;
}

static int find_op(const CodeObj *co, int op)
{
    for (int i = 0; i < co->ncode; i++)
        if (INSTR_OP(co->code[i]) == op)
            return i;
    return -1;
}

static const char *cstr(StrObj *s)
{
    return STR_CSTR(s);
}

/* ---- statements and names ---------------------------------------------- */

Test(compile, module_assignment_uses_global_ops)
{
    CodeObj *co = compile("x = 1\n");
    cr_assert_str_eq(listing(co), "LOAD_CONST 0; STORE_GLOBAL 0; LOAD_CONST 1; "
                                  "RETURN_VALUE 0");
    cr_assert_eq(co->flags & CO_MODULE, CO_MODULE);
    cr_assert_str_eq(cstr(co->names[0]), "x");
}

Test(compile, function_locals_are_fast_and_globals_global)
{
    CodeObj *f = child(compile("def f(a):\n    b = a\n    return g(b)\n"), "f");
    cr_assert_str_eq(listing(f), "LOAD_FAST 0; STORE_FAST 1; LOAD_GLOBAL 0; "
                                 "LOAD_FAST 1; CALL_FUNCTION 1; RETURN_VALUE 0; "
                                 "LOAD_CONST 0; RETURN_VALUE 0");
    cr_assert_eq(f->argcount, 1);
    cr_assert_eq(f->nlocals, 2);
    cr_assert_str_eq(cstr(f->varnames[1]), "b");
    cr_assert(f->flags & CO_NEWLOCALS);
}

Test(compile, parameters_come_first_in_cpython_order)
{
    CodeObj *f = child(compile("def f(a, *r, k=1, **kw):\n    z = 0\n"), "f");
    const char *want[] = {"a", "k", "r", "kw", "z"};
    cr_assert_eq(f->nlocals, 5);
    for (int i = 0; i < 5; i++)
        cr_assert_str_eq(cstr(f->varnames[i]), want[i]);
    cr_assert_eq(f->argcount, 1);
    cr_assert_eq(f->kwonlyargcount, 1);
    cr_assert_eq(f->flags & (CO_VARARGS | CO_VARKEYWORDS),
                 CO_VARARGS | CO_VARKEYWORDS);
}

Test(compile, docstring_is_first_constant)
{
    CodeObj *co = compile("def f():\n    'doc'\n    return 1\n"
                          "def g():\n    return 2\n");
    Value d = child(co, "f")->consts[0];
    cr_assert(IS_TYPE(d, str_type));
    cr_assert_str_eq(cstr((StrObj *)AS_OBJ(d)), "doc");
    cr_assert(IS_NONE(child(co, "g")->consts[0]));
}

Test(compile, module_docstring_is_stored_in_doc)
{
    CodeObj *co = compile("'mod doc'\nx = 1\n");
    cr_assert_eq(INSTR_OP(co->code[1]), OP_STORE_GLOBAL);
    cr_assert_str_eq(cstr(co->names[INSTR_ARG(co->code[1])]), "__doc__");
}

Test(compile, closure_cells_and_free_variables)
{
    CodeObj *f = child(compile("def f():\n    x = 1\n    def g():\n"
                               "        return x\n    return g\n"), "f");
    CodeObj *g = child(f, "g");
    cr_assert_eq(f->ncells, 1);
    cr_assert_str_eq(cstr(f->cellvars[0]), "x");
    cr_assert_eq(g->nfrees, 1);
    cr_assert_str_eq(listing(g), "LOAD_DEREF 0; RETURN_VALUE 0; LOAD_CONST 0; "
                                 "RETURN_VALUE 0");
    cr_assert_str_eq(listing(f),
                     "LOAD_CONST 1; STORE_DEREF 0; LOAD_CLOSURE 0; "
                     "BUILD_TUPLE 1; LOAD_CONST 2; LOAD_CONST 3; "
                     "MAKE_FUNCTION 8; STORE_FAST 0; LOAD_FAST 0; "
                     "RETURN_VALUE 0; LOAD_CONST 0; RETURN_VALUE 0");
    cr_assert_str_eq(cstr(g->qualname), "f.<locals>.g");
}

Test(compile, captured_parameter_sets_cell2arg)
{
    CodeObj *f = child(compile("def f(a, b):\n    return lambda: b\n"), "f");
    cr_assert_eq(f->ncells, 1);
    cr_assert_not_null(f->cell2arg);
    cr_assert_eq(f->cell2arg[0], 1);
    cr_assert_str_eq(cstr(f->varnames[1]), "b");
}

Test(compile, nonlocal_stores_through_the_cell)
{
    CodeObj *f = child(compile("def f():\n    n = 0\n    def g():\n"
                               "        nonlocal n\n        n += 1\n"), "f");
    CodeObj *g = child(f, "g");
    cr_assert_str_eq(listing(g), "LOAD_DEREF 0; LOAD_CONST 1; BINARY_OP 16; "
                                 "STORE_DEREF 0; LOAD_CONST 0; RETURN_VALUE 0");
}

Test(compile, class_body_uses_name_ops_and_returns_none)
{
    CodeObj *co = compile("class C:\n    x = 1\n");
    CodeObj *c = child(co, "C");
    cr_assert_str_eq(listing(c), "LOAD_NAME 0; STORE_NAME 1; LOAD_CONST 0; "
                                 "STORE_NAME 2; LOAD_CONST 1; STORE_NAME 3; "
                                 "LOAD_CONST 2; RETURN_VALUE 0");
    cr_assert_eq(c->flags & CO_CLASSBODY, CO_CLASSBODY);
    cr_assert_str_eq(listing(co),
                     "LOAD_BUILD_CLASS 0; LOAD_CONST 0; LOAD_CONST 1; "
                     "MAKE_FUNCTION 0; LOAD_CONST 1; CALL_FUNCTION 2; "
                     "STORE_GLOBAL 0; LOAD_CONST 2; RETURN_VALUE 0");
}

Test(compile, super_gives_the_class_a_class_cell)
{
    CodeObj *co = compile("class C(B):\n    def m(self):\n"
                          "        return super().m()\n");
    CodeObj *c = child(co, "C");
    CodeObj *m = child(c, "m");
    cr_assert_eq(c->ncells, 1);
    cr_assert_str_eq(cstr(c->cellvars[0]), "__class__");
    cr_assert_eq(m->nfrees, 1);
    cr_assert_str_eq(cstr(m->freevars[0]), "__class__");
    cr_assert_eq(INSTR_OP(c->code[c->ncode - 2]), OP_LOAD_CLOSURE);
    cr_assert_eq(INSTR_OP(c->code[c->ncode - 1]), OP_RETURN_VALUE);
    cr_assert_str_eq(cstr(m->qualname), "C.m");
}

Test(compile, class_body_reads_free_variables_with_classderef)
{
    CodeObj *f = child(compile("def f():\n    y = 1\n    class C:\n"
                               "        z = y\n"), "f");
    CodeObj *c = child(f, "C");
    cr_assert_neq(find_op(c, OP_LOAD_CLASSDEREF), -1);
}

Test(compile, methods_do_not_see_class_variables)
{
    CodeObj *c = child(compile("class C:\n    v = 1\n    def m(self):\n"
                               "        return v\n"), "C");
    CodeObj *m = child(c, "m");
    cr_assert_eq(INSTR_OP(m->code[0]), OP_LOAD_GLOBAL);
}

Test(compile, base_classes_are_passed_to_build_class)
{
    CodeObj *co = compile("class C(A, B):\n    pass\n");
    cr_assert_eq(INSTR_OP(co->code[7]), OP_CALL_FUNCTION);
    cr_assert_eq(INSTR_ARG(co->code[7]), 4);
}

Test(compile, decorators_are_applied_innermost_first)
{
    CodeObj *co = compile("@a\n@b\ndef f():\n    pass\n");
    cr_assert_str_eq(listing(co),
                     "LOAD_GLOBAL 0; LOAD_GLOBAL 1; LOAD_CONST 0; "
                     "LOAD_CONST 1; MAKE_FUNCTION 0; CALL_FUNCTION 1; "
                     "CALL_FUNCTION 1; STORE_GLOBAL 2; LOAD_CONST 2; "
                     "RETURN_VALUE 0");
    cr_assert_eq(co->lines[5], 2);
    cr_assert_eq(co->lines[6], 1);
    cr_assert_eq(child(co, "f")->firstlineno, 1);
}

Test(compile, defaults_and_keyword_only_defaults)
{
    CodeObj *co = compile("def f(a=1, *, b=2):\n    pass\n");
    cr_assert_str_eq(listing(co),
                     "LOAD_CONST 0; BUILD_TUPLE 1; LOAD_CONST 1; "
                     "LOAD_CONST 2; BUILD_MAP 1; LOAD_CONST 3; LOAD_CONST 4; "
                     "MAKE_FUNCTION 3; STORE_GLOBAL 0; LOAD_CONST 5; "
                     "RETURN_VALUE 0");
}

/* ---- expressions --------------------------------------------------------- */

Test(compile, method_call_uses_load_method)
{
    CodeObj *co = compile("o.m(1, 2)\n");
    cr_assert_str_eq(listing(co), "LOAD_GLOBAL 0; LOAD_METHOD 1; LOAD_CONST 0; "
                                  "LOAD_CONST 1; CALL_METHOD 2; POP_TOP 0; "
                                  "LOAD_CONST 2; RETURN_VALUE 0");
}

Test(compile, keyword_call_passes_a_names_tuple)
{
    CodeObj *co = compile("o.m(1, k=2)\n");
    cr_assert_str_eq(listing(co), "LOAD_GLOBAL 0; LOAD_ATTR 1; LOAD_CONST 0; "
                                  "LOAD_CONST 1; LOAD_CONST 2; "
                                  "CALL_FUNCTION_KW 2; POP_TOP 0; "
                                  "LOAD_CONST 3; RETURN_VALUE 0");
    Value names = co->consts[2];
    cr_assert(IS_TYPE(names, tuple_type));
    cr_assert_str_eq(cstr((StrObj *)AS_OBJ(((TupleObj *)AS_OBJ(names))->items[0])),
                     "k");
}

Test(compile, star_call_uses_call_function_ex)
{
    CodeObj *co = compile("f(1, *a, k=2, **m)\n");
    cr_assert_str_eq(listing(co),
                     "LOAD_GLOBAL 0; LOAD_CONST 0; BUILD_LIST 1; "
                     "LOAD_GLOBAL 1; LIST_EXTEND 1; LIST_TO_TUPLE 0; "
                     "LOAD_CONST 1; LOAD_CONST 2; BUILD_MAP 1; "
                     "LOAD_GLOBAL 2; DICT_MERGE 1; CALL_FUNCTION_EX 1; "
                     "POP_TOP 0; LOAD_CONST 3; RETURN_VALUE 0");
}

Test(compile, chained_comparison_evaluates_middle_once)
{
    CodeObj *co = compile("x = a < b < c\n");
    cr_assert_str_eq(listing(co),
                     "LOAD_GLOBAL 0; LOAD_GLOBAL 1; DUP_TOP 0; ROT_THREE 0; "
                     "COMPARE_OP 0; JUMP_IF_FALSE_OR_POP 9; LOAD_GLOBAL 2; "
                     "COMPARE_OP 0; JUMP 11; ROT_TWO 0; POP_TOP 0; "
                     "STORE_GLOBAL 3; LOAD_CONST 0; RETURN_VALUE 0");
}

Test(compile, is_in_and_not_in_have_their_own_ops)
{
    CodeObj *co = compile("a is not b\na not in b\na in b\n");
    cr_assert_eq(count_op(co, OP_IS_OP), 1);
    cr_assert_eq(count_op(co, OP_CONTAINS_OP), 2);
    cr_assert_eq(INSTR_ARG(co->code[find_op(co, OP_IS_OP)]), 1);
    cr_assert_eq(INSTR_ARG(co->code[find_op(co, OP_CONTAINS_OP)]), 1);
}

Test(compile, boolean_operators_short_circuit)
{
    CodeObj *co = compile("x = a and b or c\n");
    cr_assert_str_eq(listing(co),
                     "LOAD_GLOBAL 0; JUMP_IF_FALSE_OR_POP 3; LOAD_GLOBAL 1; "
                     "JUMP_IF_TRUE_OR_POP 5; LOAD_GLOBAL 2; STORE_GLOBAL 3; "
                     "LOAD_CONST 0; RETURN_VALUE 0");
}

Test(compile, not_in_a_condition_flips_the_jump)
{
    CodeObj *co = compile("if not a:\n    b()\n");
    cr_assert_str_eq(listing(co), "LOAD_GLOBAL 0; POP_JUMP_IF_TRUE 5; "
                                  "LOAD_GLOBAL 1; CALL_FUNCTION 0; POP_TOP 0; "
                                  "LOAD_CONST 0; RETURN_VALUE 0");
}

Test(compile, fstring_formats_and_joins)
{
    CodeObj *co = compile("s = f'{a!r:>{w}} {b}'\n");
    cr_assert_str_eq(listing(co),
                     "LOAD_GLOBAL 0; LOAD_CONST 0; LOAD_GLOBAL 1; "
                     "FORMAT_VALUE 0; BUILD_STRING 2; FORMAT_VALUE 6; "
                     "LOAD_CONST 1; LOAD_GLOBAL 2; FORMAT_VALUE 0; "
                     "BUILD_STRING 3; STORE_GLOBAL 3; LOAD_CONST 2; "
                     "RETURN_VALUE 0");
}

Test(compile, subscripts_and_slices)
{
    CodeObj *co = compile("x = a[1:2]\nx = a[::3]\n");
    cr_assert_str_eq(listing(co),
                     "LOAD_GLOBAL 0; LOAD_CONST 0; LOAD_CONST 1; "
                     "BUILD_SLICE 2; BINARY_SUBSCR 0; STORE_GLOBAL 1; "
                     "LOAD_GLOBAL 0; LOAD_CONST 2; LOAD_CONST 2; "
                     "LOAD_CONST 3; BUILD_SLICE 3; BINARY_SUBSCR 0; "
                     "STORE_GLOBAL 1; LOAD_CONST 2; RETURN_VALUE 0");
}

Test(compile, displays_with_starred_items)
{
    CodeObj *co = compile("x = [1, *a]\ny = {**m, 'k': 2}\n");
    cr_assert_str_eq(listing(co),
                     "LOAD_CONST 0; BUILD_LIST 1; LOAD_GLOBAL 0; "
                     "LIST_EXTEND 1; STORE_GLOBAL 1; BUILD_MAP 0; "
                     "LOAD_GLOBAL 2; DICT_UPDATE 1; LOAD_CONST 1; "
                     "LOAD_CONST 2; BUILD_MAP 1; DICT_UPDATE 1; "
                     "STORE_GLOBAL 3; LOAD_CONST 3; RETURN_VALUE 0");
}

Test(compile, constants_are_shared_but_types_kept_apart)
{
    CodeObj *co = compile("a = 1\nb = 1\nc = 1.0\nd = True\ne = 'x'\nf = 'x'\n");
    /* 1, 1.0, True, 'x', None */
    cr_assert_eq(co->nconsts, 5);
    cr_assert(IS_INT(co->consts[0]));
    cr_assert(IS_FLOAT(co->consts[1]));
    cr_assert(IS_BOOL(co->consts[2]));
}

Test(compile, negative_literals_and_literal_tuples_fold)
{
    CodeObj *co = compile("x = -5\ny = (1, -2.5, 'a')\nz = -9223372036854775808\n");
    cr_assert_eq(count_op(co, OP_UNARY_NEGATIVE), 0);
    cr_assert_eq(count_op(co, OP_BUILD_TUPLE), 0);
    cr_assert_eq(AS_INT(co->consts[0]), -5);
    cr_assert(IS_TYPE(co->consts[1], tuple_type));
    cr_assert_eq(AS_INT(co->consts[2]), INT64_MIN);
}

Test(compile, swap_assignment_needs_no_tuple)
{
    CodeObj *co = compile("a, b = b, a\n");
    cr_assert_str_eq(listing(co), "LOAD_GLOBAL 0; LOAD_GLOBAL 1; ROT_TWO 0; "
                                  "STORE_GLOBAL 1; STORE_GLOBAL 0; "
                                  "LOAD_CONST 0; RETURN_VALUE 0");
}

Test(compile, starred_unpacking_uses_unpack_ex)
{
    CodeObj *co = compile("a, *b, c, d = x\n");
    int i = find_op(co, OP_UNPACK_EX);
    cr_assert_neq(i, -1);
    cr_assert_eq(INSTR_ARG(co->code[i]), 1 | (2 << 8));
}

Test(compile, chained_assignment_duplicates_the_value)
{
    CodeObj *co = compile("a = b[0] = c\n");
    cr_assert_str_eq(listing(co), "LOAD_GLOBAL 0; DUP_TOP 0; STORE_GLOBAL 1; "
                                  "LOAD_GLOBAL 2; LOAD_CONST 0; STORE_SUBSCR 0; "
                                  "LOAD_CONST 1; RETURN_VALUE 0");
}

Test(compile, augmented_subscript_evaluates_container_once)
{
    CodeObj *co = compile("a[i] += 1\n");
    cr_assert_str_eq(listing(co), "LOAD_GLOBAL 0; LOAD_GLOBAL 1; DUP_TOP_TWO 0; "
                                  "BINARY_SUBSCR 0; LOAD_CONST 0; BINARY_OP 16; "
                                  "ROT_THREE 0; STORE_SUBSCR 0; LOAD_CONST 1; "
                                  "RETURN_VALUE 0");
}

Test(compile, augmented_attribute_evaluates_object_once)
{
    CodeObj *co = compile("o.x *= 2\n");
    cr_assert_str_eq(listing(co), "LOAD_GLOBAL 0; DUP_TOP 0; LOAD_ATTR 1; "
                                  "LOAD_CONST 0; BINARY_OP 18; ROT_TWO 0; "
                                  "STORE_ATTR 1; LOAD_CONST 1; RETURN_VALUE 0");
}

Test(compile, delete_targets)
{
    CodeObj *co = compile("del a, b.c, d[0]\n");
    cr_assert_str_eq(listing(co), "DELETE_GLOBAL 0; LOAD_GLOBAL 1; "
                                  "DELETE_ATTR 2; LOAD_GLOBAL 3; LOAD_CONST 0; "
                                  "DELETE_SUBSCR 0; LOAD_CONST 1; "
                                  "RETURN_VALUE 0");
}

Test(compile, imports)
{
    CodeObj *co = compile("import a.b\nimport c as d\nfrom e import f as g, h\n");
    cr_assert_str_eq(listing(co),
                     "IMPORT_NAME 0; POP_TOP 0; IMPORT_NAME 1; STORE_GLOBAL 1; "
                     "IMPORT_NAME 2; STORE_GLOBAL 3; IMPORT_NAME 4; "
                     "IMPORT_FROM 5; STORE_GLOBAL 6; IMPORT_FROM 7; "
                     "STORE_GLOBAL 7; POP_TOP 0; LOAD_CONST 0; RETURN_VALUE 0");
    cr_assert_str_eq(cstr(co->names[0]), "a.b");
    cr_assert_str_eq(cstr(co->names[1]), "a");
}

Test(compile, assert_raises_assertion_error)
{
    CodeObj *co = compile("assert x, 'm'\n");
    cr_assert_str_eq(listing(co), "LOAD_GLOBAL 0; POP_JUMP_IF_TRUE 6; "
                                  "LOAD_ASSERTION_ERROR 0; LOAD_CONST 0; "
                                  "CALL_FUNCTION 1; RAISE_VARARGS 1; "
                                  "LOAD_CONST 1; RETURN_VALUE 0");
}

Test(compile, raise_forms)
{
    CodeObj *f = child(compile("def f():\n    raise\n    raise E\n"
                               "    raise E from C\n"), "f");
    cr_assert_str_eq(listing(f), "RAISE_VARARGS 0; LOAD_GLOBAL 0; "
                                 "RAISE_VARARGS 1; LOAD_GLOBAL 0; "
                                 "LOAD_GLOBAL 1; RAISE_VARARGS 2; "
                                 "LOAD_CONST 0; RETURN_VALUE 0");
}

/* ---- control flow ---------------------------------------------------------- */

Test(compile, for_loop_back_edge_has_the_for_line)
{
    CodeObj *co = compile("for i in r:\n    f(i)\n");
    cr_assert_str_eq(listing(co), "LOAD_GLOBAL 0; GET_ITER 0; FOR_ITER 9; "
                                  "STORE_GLOBAL 1; LOAD_GLOBAL 2; "
                                  "LOAD_GLOBAL 1; CALL_FUNCTION 1; POP_TOP 0; "
                                  "JUMP 2; LOAD_CONST 0; RETURN_VALUE 0");
    cr_assert_eq(co->lines[8], 1);
    cr_assert_eq(co->lines[4], 2);
}

Test(compile, while_loop_repeats_the_test_at_the_bottom)
{
    CodeObj *co = compile("while a:\n    b()\n");
    cr_assert_str_eq(listing(co), "LOAD_GLOBAL 0; POP_JUMP_IF_FALSE 7; "
                                  "LOAD_GLOBAL 1; CALL_FUNCTION 0; POP_TOP 0; "
                                  "LOAD_GLOBAL 0; POP_JUMP_IF_TRUE 2; "
                                  "LOAD_CONST 0; RETURN_VALUE 0");
    cr_assert_eq(co->lines[6], 1);
}

Test(compile, while_true_has_no_test)
{
    CodeObj *co = compile("while True:\n    f()\n");
    cr_assert_str_eq(listing(co), "LOAD_GLOBAL 0; CALL_FUNCTION 0; POP_TOP 0; "
                                  "JUMP 0; LOAD_CONST 0; RETURN_VALUE 0");
    cr_assert_eq(co->lines[3], 1);
}

Test(compile, break_pops_the_iterator)
{
    CodeObj *co = compile("for i in r:\n    break\nelse:\n    f()\n");
    cr_assert_str_eq(listing(co), "LOAD_GLOBAL 0; GET_ITER 0; FOR_ITER 7; "
                                  "STORE_GLOBAL 1; POP_ITER 0; JUMP 10; "
                                  "JUMP 2; LOAD_GLOBAL 2; "
                                  "CALL_FUNCTION 0; POP_TOP 0; LOAD_CONST 0; "
                                  "RETURN_VALUE 0");
}

Test(compile, return_in_for_keeps_the_value_above_the_iterator)
{
    CodeObj *f = child(compile("def f(r):\n    for i in r:\n"
                               "        return i\n"), "f");
    cr_assert_str_eq(listing(f), "LOAD_FAST 0; GET_ITER 0; FOR_ITER 9; "
                                 "STORE_FAST 1; LOAD_FAST 1; ROT_TWO 0; "
                                 "POP_ITER 0; RETURN_VALUE 0; JUMP 2; "
                                 "LOAD_CONST 0; RETURN_VALUE 0");
}

/* GET_ITER's argument says the iterable is a call's result: only then may
 * the loop own a generator the call made (vm/gen.c). */
Test(compile, for_over_a_call_marks_get_iter)
{
    CodeObj *co = compile("for i in g(1):\n    pass\nfor j in r:\n    pass\n");
    cr_assert_str_eq(listing(co), "LOAD_GLOBAL 0; LOAD_CONST 0; "
                                  "CALL_FUNCTION 1; GET_ITER 1; FOR_ITER 7; "
                                  "STORE_GLOBAL 1; JUMP 4; LOAD_GLOBAL 2; "
                                  "GET_ITER 0; FOR_ITER 12; STORE_GLOBAL 3; "
                                  "JUMP 9; LOAD_CONST 1; RETURN_VALUE 0");
}

Test(compile, return_through_finally_runs_the_body_inline)
{
    CodeObj *f = child(compile("def f():\n    try:\n        return g()\n"
                               "    finally:\n        h()\n"), "f");
    cr_assert_str_eq(listing(f),
                     "SETUP_FINALLY 13; LOAD_GLOBAL 0; CALL_FUNCTION 0; "
                     "POP_BLOCK 0; LOAD_GLOBAL 1; CALL_FUNCTION 0; "
                     "POP_TOP 0; RETURN_VALUE 0; POP_BLOCK 0; LOAD_GLOBAL 1; "
                     "CALL_FUNCTION 0; POP_TOP 0; JUMP 17; LOAD_GLOBAL 1; "
                     "CALL_FUNCTION 0; POP_TOP 0; RERAISE 0; LOAD_CONST 0; "
                     "RETURN_VALUE 0");
}

Test(compile, return_from_handler_stashes_the_value)
{
    CodeObj *f = child(compile("def f():\n    try:\n        pass\n"
                               "    except E:\n        return g()\n"), "f");
    int st = find_op(f, OP_STORE_FAST);
    cr_assert_neq(st, -1);
    cr_assert_eq(INSTR_OP(f->code[st + 1]), OP_POP_EXCEPT);
    cr_assert_eq(INSTR_OP(f->code[st + 2]), OP_LOAD_FAST);
    cr_assert_eq(INSTR_OP(f->code[st + 3]), OP_RETURN_VALUE);
}

Test(compile, named_handler_unbinds_the_name)
{
    CodeObj *co = compile("try:\n    f()\nexcept E as e:\n    g(e)\n");
    cr_assert_str_eq(listing(co),
                     "SETUP_FINALLY 6; LOAD_GLOBAL 0; CALL_FUNCTION 0; "
                     "POP_TOP 0; POP_BLOCK 0; JUMP 26; DUP_TOP 0; "
                     "LOAD_GLOBAL 1; JUMP_IF_NOT_EXC_MATCH 25; "
                     "STORE_GLOBAL 2; SETUP_FINALLY 21; LOAD_GLOBAL 3; "
                     "LOAD_GLOBAL 2; CALL_FUNCTION 1; POP_TOP 0; "
                     "POP_BLOCK 0; POP_EXCEPT 0; LOAD_CONST 0; "
                     "STORE_GLOBAL 2; DELETE_GLOBAL 2; JUMP 26; "
                     "LOAD_CONST 0; STORE_GLOBAL 2; DELETE_GLOBAL 2; "
                     "RERAISE 0; RERAISE 0; LOAD_CONST 0; RETURN_VALUE 0");
}

Test(compile, with_calls_exit_on_both_paths)
{
    CodeObj *co = compile("with m as v:\n    f()\n");
    cr_assert_str_eq(listing(co),
                     "LOAD_GLOBAL 0; SETUP_WITH 13; STORE_GLOBAL 1; "
                     "LOAD_GLOBAL 2; CALL_FUNCTION 0; POP_TOP 0; "
                     "POP_BLOCK 0; LOAD_CONST 0; DUP_TOP 0; DUP_TOP 0; "
                     "CALL_FUNCTION 3; POP_TOP 0; JUMP 19; "
                     "WITH_EXCEPT_START 0; POP_JUMP_IF_TRUE 16; RERAISE 0; "
                     "POP_TOP 0; POP_EXCEPT 0; POP_TOP 0; LOAD_CONST 0; "
                     "RETURN_VALUE 0");
}

Test(compile, break_out_of_with_calls_exit)
{
    CodeObj *co = compile("while x:\n    with m:\n        break\n");
    /* normal exit path, break path */
    cr_assert_eq(count_op(co, OP_CALL_FUNCTION), 2);
    cr_assert_eq(count_op(co, OP_POP_BLOCK), 2);
}

Test(compile, continue_in_finally_body_is_allowed)
{
    CodeObj *co = compile("for i in r:\n    try:\n        pass\n"
                          "    finally:\n        continue\n");
    cr_assert_eq(count_op(co, OP_POP_EXCEPT), 1);
}

/* ---- generators and comprehensions ------------------------------------------ */

Test(compile, generator_starts_with_gen_start)
{
    CodeObj *g = child(compile("def g():\n    x = yield 1\n"
                               "    yield from x\n"), "g");
    cr_assert(g->flags & CO_GENERATOR);
    cr_assert_str_eq(listing(g), "GEN_START 0; LOAD_CONST 1; YIELD_VALUE 0; "
                                 "STORE_FAST 0; LOAD_FAST 0; "
                                 "GET_YIELD_FROM_ITER 0; LOAD_CONST 0; "
                                 "YIELD_FROM 0; POP_TOP 0; LOAD_CONST 0; "
                                 "RETURN_VALUE 0");
}

Test(compile, list_comprehension_is_a_nested_function)
{
    CodeObj *co = compile("x = [i * 2 for i in r if i]\n");
    cr_assert_str_eq(listing(co), "LOAD_CONST 0; LOAD_CONST 1; "
                                  "MAKE_FUNCTION 0; LOAD_GLOBAL 0; GET_ITER 0; "
                                  "CALL_FUNCTION 1; STORE_GLOBAL 1; "
                                  "LOAD_CONST 2; RETURN_VALUE 0");
    CodeObj *lc = child(co, "<listcomp>");
    cr_assert_eq(lc->argcount, 1);
    cr_assert_str_eq(cstr(lc->varnames[0]), ".0");
    cr_assert_str_eq(listing(lc), "BUILD_LIST 0; LOAD_FAST 0; FOR_ITER 11; "
                                  "STORE_FAST 1; LOAD_FAST 1; "
                                  "POP_JUMP_IF_FALSE 2; LOAD_FAST 1; "
                                  "LOAD_CONST 1; BINARY_OP 2; LIST_APPEND 2; "
                                  "JUMP 2; RETURN_VALUE 0");
}

Test(compile, nested_comprehension_appends_below_both_iterators)
{
    CodeObj *lc = child(compile("x = {a: b for a in r for b in a}\n"),
                        "<dictcomp>");
    int i = find_op(lc, OP_MAP_ADD);
    cr_assert_eq(INSTR_ARG(lc->code[i]), 3);
}

Test(compile, generator_expression_yields)
{
    CodeObj *g = child(compile("g = (i for i in r)\n"), "<genexpr>");
    cr_assert(g->flags & CO_GENERATOR);
    cr_assert_eq(INSTR_OP(g->code[0]), OP_GEN_START);
    cr_assert_eq(count_op(g, OP_YIELD_VALUE), 1);
}

Test(compile, comprehension_in_class_cannot_see_class_names)
{
    CodeObj *c = child(compile("class C:\n    v = 1\n"
                               "    w = [v for _ in r]\n"), "C");
    CodeObj *lc = child(c, "<listcomp>");
    cr_assert_neq(find_op(lc, OP_LOAD_GLOBAL), -1);
    /* The first iterable is evaluated in the class body. */
    cr_assert_neq(find_op(c, OP_GET_ITER), -1);
}

Test(compile, lambda_returns_its_expression)
{
    CodeObj *l = child(compile("f = lambda x: x + 1\n"), "<lambda>");
    cr_assert_str_eq(listing(l), "LOAD_FAST 0; LOAD_CONST 1; BINARY_OP 0; "
                                 "RETURN_VALUE 0");
    cr_assert(IS_NONE(l->consts[0]));
}

/* ---- modes, stack sizes, lines ------------------------------------------------ */

Test(compile, interactive_mode_prints_expressions)
{
    CodeObj *co = compile_mode("1 + 2\n", COMP_SINGLE);
    cr_assert_str_eq(listing(co), "LOAD_CONST 0; LOAD_CONST 1; BINARY_OP 0; "
                                  "PRINT_EXPR 0; LOAD_CONST 2; RETURN_VALUE 0");
}

Test(compile, eval_mode_returns_the_value)
{
    CodeObj *co = compile_mode("a + 1\n", COMP_EVAL);
    cr_assert_str_eq(listing(co), "LOAD_GLOBAL 0; LOAD_CONST 0; BINARY_OP 0; "
                                  "RETURN_VALUE 0");
}

Test(compile, stack_size_of_nested_calls)
{
    cr_assert_eq(compile("f(1, g(2, 3))\n")->stacksize, 5);
    cr_assert_eq(compile("x = 1\n")->stacksize, 1);
}

Test(compile, stack_size_counts_the_exception_handler)
{
    /* The handler starts with prev_exc and exc; DUP_TOP and the class
     * make four. */
    cr_assert_eq(compile("try:\n    pass\nexcept E:\n    pass\n")->stacksize, 4);
}

Test(compile, stack_size_of_a_generator_counts_the_first_send)
{
    cr_assert_eq(child(compile("def g():\n    yield\n"), "g")->stacksize, 1);
}

Test(compile, multi_line_call_reports_sub_expression_lines)
{
    CodeObj *co = compile("f(a,\n  b)\n");
    cr_assert_eq(co->lines[0], 1);
    cr_assert_eq(co->lines[2], 2);
    cr_assert_eq(co->lines[3], 1);
}

Test(compile, multi_line_method_call_reports_the_attribute_line)
{
    CodeObj *co = compile("(o\n .m())\n");
    int i = find_op(co, OP_CALL_METHOD);
    cr_assert_eq(co->lines[i], 2);
}

Test(compile, jumps_to_jumps_are_threaded)
{
    CodeObj *co = compile("for i in r:\n    if i:\n        pass\n");
    for (int i = 0; i < co->ncode; i++)
        if (INSTR_OP(co->code[i]) == OP_POP_JUMP_IF_FALSE)
            cr_assert_eq(INSTR_ARG(co->code[i]), 2);
}

/* ---- errors --------------------------------------------------------------- */

static void expect_error(const char *src, TypeObj *type, const char *msg,
                         int lineno, int offset)
{
    CodeObj *co = comp_compile_source(src, strlen(src), "t.py", COMP_FILE);
    cr_assert_null(co, "compiled: %s", src);
    Value e = err_fetch();
    cr_assert(IS_OBJ(e));
    cr_assert_eq(OBJ_TYPE(AS_OBJ(e)), type, "wrong type for %s", src);
    Value m = obj_getattr_cstr(e, "msg");
    cr_assert_str_eq(STR_CSTR((StrObj *)AS_OBJ(m)), msg);
    Value l = obj_getattr_cstr(e, "lineno");
    cr_assert_eq(AS_INT(l), lineno, "line of %s", msg);
    if (offset) {
        Value o = obj_getattr_cstr(e, "offset");
        cr_assert_eq(AS_INT(o), offset, "offset of %s", msg);
    }
}

Test(compile, error_return_outside_function)
{
    expect_error("x = 1\nreturn 2\n", &exc_SyntaxError,
                 "'return' outside function", 2, 1);
    expect_error("class C:\n    return 1\n", &exc_SyntaxError,
                 "'return' outside function", 2, 5);
}

Test(compile, error_yield_outside_function)
{
    expect_error("yield 5\n", &exc_SyntaxError, "'yield' outside function", 1, 1);
    expect_error("class C:\n    yield 1\n", &exc_SyntaxError,
                 "'yield' outside function", 2, 5);
}

Test(compile, error_yield_inside_comprehension)
{
    expect_error("def f():\n  [(yield x) for x in y]\n", &exc_SyntaxError,
                 "'yield' inside list comprehension", 2, 5);
    expect_error("def f():\n  ((yield x) for x in y)\n", &exc_SyntaxError,
                 "'yield' inside generator expression", 2, 5);
}

Test(compile, error_break_and_continue_outside_loop)
{
    expect_error("break\n", &exc_SyntaxError, "'break' outside loop", 1, 1);
    expect_error("x = 1\nif x:\n    continue\n", &exc_SyntaxError,
                 "'continue' not properly in loop", 3, 5);
    expect_error("for x in y:\n    pass\nelse:\n    break\n", &exc_SyntaxError,
                 "'break' outside loop", 4, 5);
    expect_error("while x:\n    def f():\n        break\n", &exc_SyntaxError,
                 "'break' outside loop", 3, 9);
}

Test(compile, error_too_many_nested_blocks)
{
    char src[2048];
    size_t n = 0;
    for (int i = 0; i < 21; i++)
        n += (size_t)snprintf(src + n, sizeof src - n, "%*swhile x:\n", i, "");
    snprintf(src + n, sizeof src - n, "%*spass\n", 21, "");
    expect_error(src, &exc_SyntaxError, "too many statically nested blocks",
                 21, 0);
}

Test(compile, error_integer_literal_too_large)
{
    expect_error("x = 123456789012345678901234567890\n", &exc_SyntaxError,
                 "integer literal too large for sigvm (64-bit ints)", 1, 5);
    expect_error("x = 9223372036854775808\n", &exc_SyntaxError,
                 "integer literal too large for sigvm (64-bit ints)", 1, 5);
}

Test(compile, error_unsupported_imports)
{
    expect_error("from . import x\n", &exc_SyntaxError,
                 "relative imports are not supported by sigvm", 1, 1);
    expect_error("from os import *\n", &exc_SyntaxError,
                 "'import *' is not supported by sigvm", 1, 1);
    expect_error("def f():\n  from os import *\n", &exc_SyntaxError,
                 "import * only allowed at module level", 2, 0);
}

Test(compile, error_unsupported_class_keywords)
{
    expect_error("class C(metaclass=M):\n    pass\n", &exc_SyntaxError,
                 "metaclasses are not supported by sigvm", 1, 9);
}

Test(compile, error_starred_assignments)
{
    /* The parser reports this one; CPython's offset is 1, the parser's
     * may differ, so only the message and line are pinned here. */
    expect_error("a, *b, *c = d\n", &exc_SyntaxError,
                 "multiple starred expressions in assignment", 1, 0);
    expect_error("*a = b\n", &exc_SyntaxError,
                 "starred assignment target must be in a list or tuple", 1, 1);
}

Test(compile, error_default_except_must_be_last)
{
    expect_error("try:\n  pass\nexcept:\n  pass\nexcept ValueError:\n  pass\n",
                 &exc_SyntaxError, "default 'except:' must be last", 3, 1);
}

Test(compile, error_global_and_nonlocal_declarations)
{
    expect_error("def f():\n    x = 1\n    global x\n", &exc_SyntaxError,
                 "name 'x' is assigned to before global declaration", 3, 5);
    expect_error("def f():\n    print(x)\n    global x\n", &exc_SyntaxError,
                 "name 'x' is used prior to global declaration", 3, 5);
    expect_error("def f(x):\n    global x\n", &exc_SyntaxError,
                 "name 'x' is parameter and global", 2, 5);
    expect_error("nonlocal x\n", &exc_SyntaxError,
                 "nonlocal declaration not allowed at module level", 1, 1);
    expect_error("def f():\n    nonlocal x\n", &exc_SyntaxError,
                 "no binding for nonlocal 'x' found", 2, 5);
}

Test(compile, error_symbol_table_errors_come_before_code_errors)
{
    /* CPython builds the whole symbol table before generating code. */
    expect_error("x = 99999999999999999999\ndef f():\n    nonlocal q\n",
                 &exc_SyntaxError, "no binding for nonlocal 'q' found", 3, 5);
}

Test(compile, error_carries_filename_and_text)
{
    const char *src = "x = 1\nbreak\n";
    cr_assert_null(comp_compile_source(src, strlen(src), "t.py", COMP_FILE));
    Value e = err_fetch();
    Value fn = obj_getattr_cstr(e, "filename");
    cr_assert_str_eq(STR_CSTR((StrObj *)AS_OBJ(fn)), "t.py");
    Value text = obj_getattr_cstr(e, "text");
    cr_assert_str_eq(STR_CSTR((StrObj *)AS_OBJ(text)), "break\n");
}

Test(compile, parse_errors_become_syntax_errors)
{
    const char *src = "x = (1,\n";
    cr_assert_null(comp_compile_source(src, strlen(src), "t.py", COMP_FILE));
    Value e = err_fetch();
    cr_assert(val_isinstance(e, &exc_SyntaxError));
    const char *bad = "if x:\npass\n";
    cr_assert_null(comp_compile_source(bad, strlen(bad), "t.py", COMP_FILE));
    e = err_fetch();
    cr_assert_eq(OBJ_TYPE(AS_OBJ(e)), &exc_IndentationError);
}

/* Source that is not UTF-8 raises SyntaxError(message) alone, as CPython's
 * decoder does: str() must not append "(t.py)" after the message, which
 * already names the file. */
Test(compile, non_utf8_source_error_has_no_location)
{
    const char *src = "s = '\xff'\n";
    cr_assert_null(comp_compile_source(src, strlen(src), "t.py", COMP_FILE));
    Value e = err_fetch();
    cr_assert_eq(OBJ_TYPE(AS_OBJ(e)), &exc_SyntaxError);
    Value s = obj_str(e);
    cr_assert_str_eq(STR_CSTR((StrObj *)AS_OBJ(s)),
                     "Non-UTF-8 code starting with '\\xff' in file t.py on "
                     "line 1, but no encoding declared; see "
                     "https://peps.python.org/pep-0263/ for details");
    cr_assert(IS_NONE(obj_getattr_cstr(e, "lineno")));
}
