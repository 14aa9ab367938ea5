/* test_quicken.c - superinstructions: which groups the VM fuses, that
 * only the first word changes, and that fused code runs as the original. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/runtime.h"
#include "vm/vm.h"

#define I(op, arg) INSTR_MAKE(OP_##op, (arg))
#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static void setup(void)
{
    rt_init();
    vm_init();
}

TestSuite(quicken, .init = setup);

/* A code object with the given instructions, on the given lines (all on
 * line 1 when lines is NULL). */
static CodeObj *mkcode(const uint32_t *ins, const int *lines, int n,
                       const Value *consts, int nconsts, int nlocals)
{
    CodeObj *co = code_new();
    co->code = malloc((size_t)n * sizeof *co->code);
    memcpy(co->code, ins, (size_t)n * sizeof *co->code);
    co->lines = malloc((size_t)n * sizeof *co->lines);
    for (int i = 0; i < n; i++)
        co->lines[i] = lines ? lines[i] : 1;
    co->ncode = n;
    co->consts = calloc((size_t)nconsts + 1, sizeof *co->consts);
    if (nconsts > 0)
        memcpy(co->consts, consts, (size_t)nconsts * sizeof *consts);
    co->nconsts = nconsts;
    co->names = calloc(1, sizeof *co->names);
    co->varnames = calloc((size_t)nlocals + 1, sizeof *co->varnames);
    for (int i = 0; i < nlocals; i++)
        co->varnames[i] = str_intern_cstr(i == 0 ? "a" : "b");
    co->nlocals = nlocals;
    co->argcount = nlocals;
    co->flags = CO_NEWLOCALS;
    co->stacksize = 4;
    co->firstlineno = 1;
    co->name = co->qualname = str_intern_cstr("f");
    co->filename = str_intern_cstr("t.py");
    return co;
}

static void quicken(const CodeObj *co, uint32_t *out)
{
    vm_quicken(co, out);
    /* Only opcodes change: every argument stays where it was. */
    for (int i = 0; i < co->ncode; i++)
        cr_assert_eq(INSTR_ARG(out[i]), INSTR_ARG(co->code[i]));
}

Test(quicken, compare_and_branch_on_a_local_is_one_group)
{
    uint32_t ins[] = {I(LOAD_FAST, 0), I(LOAD_CONST, 0), I(COMPARE_OP, CMP_LT),
                      I(POP_JUMP_IF_FALSE, 6), I(LOAD_FAST, 0),
                      I(RETURN_VALUE, 0), I(LOAD_CONST, 1), I(RETURN_VALUE, 0)};
    Value consts[] = {V_INT(2), V_NONE};
    CodeObj *co = mkcode(ins, NULL, N(ins), consts, 2, 1);
    uint32_t q[N(ins)];
    quicken(co, q);
    cr_assert_eq(INSTR_OP(q[0]), OP_FAST_CONST_COMPARE_JUMP);
    /* The later words of a group stay runnable on their own. */
    cr_assert_eq(INSTR_OP(q[1]), OP_LOAD_CONST);
    cr_assert_eq(INSTR_OP(q[2]), OP_COMPARE_JUMP_IF_FALSE);
    cr_assert_eq(INSTR_OP(q[3]), OP_POP_JUMP_IF_FALSE);
    cr_assert_eq(INSTR_OP(q[4]), OP_RETURN_FAST);
    cr_assert_eq(INSTR_OP(q[6]), OP_RETURN_CONST);
}

Test(quicken, groups_never_span_lines)
{
    uint32_t ins[] = {I(LOAD_FAST, 0), I(LOAD_CONST, 0), I(BINARY_OP, BOP_ADD),
                      I(RETURN_VALUE, 0)};
    int lines[] = {1, 2, 2, 2};
    Value consts[] = {V_INT(1)};
    CodeObj *co = mkcode(ins, lines, N(ins), consts, 1, 1);
    uint32_t q[N(ins)];
    quicken(co, q);
    cr_assert_eq(INSTR_OP(q[0]), OP_LOAD_FAST);
    /* Line 2's own group. */
    cr_assert_eq(INSTR_OP(q[1]), OP_CONST_BINOP);
}

Test(quicken, longest_group_wins)
{
    uint32_t ins[] = {I(LOAD_FAST, 0), I(LOAD_FAST, 1), I(BINARY_OP, BOP_MUL),
                      I(STORE_FAST, 0), I(LOAD_FAST, 0), I(LOAD_FAST, 1),
                      I(BUILD_TUPLE, 2), I(RETURN_VALUE, 0)};
    CodeObj *co = mkcode(ins, NULL, N(ins), NULL, 0, 2);
    uint32_t q[N(ins)];
    quicken(co, q);
    cr_assert_eq(INSTR_OP(q[0]), OP_FAST_FAST_BINOP);
    cr_assert_eq(INSTR_OP(q[3]), OP_STORE_FAST_LOAD_FAST);
    cr_assert_eq(INSTR_OP(q[4]), OP_LOAD_FAST_LOAD_FAST);
    cr_assert_eq(INSTR_OP(q[6]), OP_BUILD_TUPLE);
}

static Value run(CodeObj *co, Value *args, int nargs)
{
    FuncObj *fn = func_new(co, dict_new(), co->qualname);
    return obj_call(V_OBJ(fn), args, nargs, NULL);
}

Test(quicken, fused_code_runs_as_the_original)
{
    /* f(a, b): a * b + 1 if a < 10 else None, all on one line. */
    Value consts[] = {V_INT(10), V_INT(1), V_NONE};
    uint32_t code[] = {I(LOAD_FAST, 0), I(LOAD_CONST, 0), I(COMPARE_OP, CMP_LT),
                       I(POP_JUMP_IF_FALSE, 10), I(LOAD_FAST, 0),
                       I(LOAD_FAST, 1), I(BINARY_OP, BOP_MUL),
                       I(LOAD_CONST, 1), I(BINARY_OP, BOP_ADD),
                       I(RETURN_VALUE, 0), I(LOAD_CONST, 2),
                       I(RETURN_VALUE, 0)};
    CodeObj *co = mkcode(code, NULL, N(code), consts, 3, 2);
    Value args[2] = {V_INT(3), V_INT(4)};
    Value r = run(co, args, 2);
    cr_assert(IS_INT(r) && AS_INT(r) == 13);
    args[0] = V_INT(12);
    cr_assert(IS_NONE(run(co, args, 2)));
    /* Floats take the groups' slow paths and still agree. */
    args[0] = V_FLOAT(0.5);
    args[1] = V_FLOAT(4.0);
    r = run(co, args, 2);
    cr_assert(IS_FLOAT(r) && AS_FLOAT(r) == 3.0);
}

Test(quicken, unbound_second_local_raises_in_the_group)
{
    uint32_t code[] = {I(LOAD_FAST, 0), I(LOAD_FAST, 1), I(BUILD_TUPLE, 2),
                       I(RETURN_VALUE, 0)};
    CodeObj *co = mkcode(code, NULL, N(code), NULL, 0, 2);
    co->argcount = 1;
    Value args[1] = {V_INT(1)};
    cr_assert(IS_NULL(run(co, args, 1)));
    cr_assert(err_matches(&exc_UnboundLocalError));
    err_clear();
}

Test(quicken, loop_bottom_test_and_global_arithmetic_are_groups)
{
    /* while i < 10: i = i + 1, with i a global: the bottom test jumps
     * back when true. */
    uint32_t ins[] = {I(LOAD_GLOBAL, 0), I(LOAD_CONST, 0), I(BINARY_OP, BOP_ADD),
                      I(STORE_GLOBAL, 0), I(LOAD_GLOBAL, 0), I(LOAD_CONST, 1),
                      I(COMPARE_OP, CMP_LT), I(POP_JUMP_IF_TRUE, 0),
                      I(LOAD_CONST, 2), I(RETURN_VALUE, 0)};
    Value consts[] = {V_INT(1), V_INT(10), V_NONE};
    CodeObj *co = mkcode(ins, NULL, N(ins), consts, 3, 0);
    uint32_t q[N(ins)];
    quicken(co, q);
    cr_assert_eq(INSTR_OP(q[0]), OP_GLOBAL_CONST_BINOP_STORE);
    cr_assert_eq(INSTR_OP(q[3]), OP_STORE_GLOBAL);
    cr_assert_eq(INSTR_OP(q[4]), OP_GLOBAL_CONST_COMPARE_JUMP_IF_TRUE);
    cr_assert_eq(INSTR_OP(q[6]), OP_COMPARE_JUMP_IF_TRUE);
    cr_assert_eq(INSTR_OP(q[7]), OP_POP_JUMP_IF_TRUE);
}

Test(quicken, module_level_global_groups)
{
    /* while g < 10: g += h; then g + 1 without a store. */
    uint32_t ins[] = {I(LOAD_GLOBAL, 0), I(LOAD_CONST, 0), I(COMPARE_OP, CMP_LT),
                      I(POP_JUMP_IF_FALSE, 9), I(LOAD_GLOBAL, 0), I(LOAD_GLOBAL, 1),
                      I(BINARY_OP, BOP_INPLACE + BOP_ADD), I(STORE_GLOBAL, 0),
                      I(JUMP, 0), I(LOAD_GLOBAL, 0), I(LOAD_CONST, 1),
                      I(BINARY_OP, BOP_ADD), I(RETURN_VALUE, 0)};
    Value consts[] = {V_INT(10), V_INT(1)};
    CodeObj *co = mkcode(ins, NULL, N(ins), consts, 2, 0);
    uint32_t q[N(ins)];
    quicken(co, q);
    cr_assert_eq(INSTR_OP(q[0]), OP_GLOBAL_CONST_COMPARE_JUMP);
    cr_assert_eq(INSTR_OP(q[1]), OP_LOAD_CONST);
    cr_assert_eq(INSTR_OP(q[4]), OP_GLOBAL_GLOBAL_BINOP_STORE);
    cr_assert_eq(INSTR_OP(q[5]), OP_LOAD_GLOBAL);
    cr_assert_eq(INSTR_OP(q[7]), OP_STORE_GLOBAL);
    cr_assert_eq(INSTR_OP(q[9]), OP_GLOBAL_CONST_BINOP);
}

Test(quicken, binop_then_return_is_one_group)
{
    /* return a + b; and a + b whose return is on the next line. */
    uint32_t ins[] = {I(LOAD_FAST, 0), I(LOAD_FAST, 1),
                      I(BINARY_OP, BOP_ADD), I(RETURN_VALUE, 0),
                      I(BINARY_OP, BOP_ADD), I(RETURN_VALUE, 0)};
    int lines[] = {1, 1, 1, 1, 2, 3};
    CodeObj *co = mkcode(ins, lines, N(ins), NULL, 0, 2);
    uint32_t q[N(ins)];
    quicken(co, q);
    cr_assert_eq(INSTR_OP(q[2]), OP_BINOP_RETURN);
    cr_assert_eq(INSTR_OP(q[3]), OP_RETURN_VALUE);
    cr_assert_eq(INSTR_OP(q[4]), OP_BINARY_OP);
}

Test(quicken, global_then_local_arithmetic_is_one_group)
{
    /* f(a - 1): LOAD_GLOBAL f, then a group of its own at the LOAD_FAST. */
    uint32_t ins[] = {I(LOAD_GLOBAL, 0), I(LOAD_FAST, 0), I(LOAD_CONST, 0),
                      I(BINARY_OP, BOP_SUB), I(CALL_FUNCTION, 1),
                      I(RETURN_VALUE, 0)};
    Value consts[] = {V_INT(1)};
    CodeObj *co = mkcode(ins, NULL, N(ins), consts, 1, 1);
    uint32_t q[N(ins)];
    quicken(co, q);
    cr_assert_eq(INSTR_OP(q[0]), OP_GLOBAL_FAST_CONST_BINOP);
    cr_assert_eq(INSTR_OP(q[1]), OP_FAST_CONST_BINOP);
    cr_assert_eq(INSTR_OP(q[4]), OP_CALL_FUNCTION);
}

Test(quicken, local_loop_groups)
{
    /* a += 1; b = a * 3 + 2; while a < 10 (bottom test). */
    uint32_t ins[] = {I(LOAD_FAST, 0), I(LOAD_CONST, 0),
                      I(BINARY_OP, BOP_INPLACE + BOP_ADD), I(STORE_FAST, 0),
                      I(LOAD_FAST, 0), I(LOAD_CONST, 1), I(BINARY_OP, BOP_MUL),
                      I(LOAD_CONST, 2), I(BINARY_OP, BOP_ADD), I(STORE_FAST, 1),
                      I(LOAD_FAST, 0), I(LOAD_CONST, 3), I(COMPARE_OP, CMP_LT),
                      I(POP_JUMP_IF_TRUE, 0), I(LOAD_CONST, 4),
                      I(RETURN_VALUE, 0)};
    int lines[] = {1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4};
    Value consts[] = {V_INT(1), V_INT(3), V_INT(2), V_INT(10), V_NONE};
    CodeObj *co = mkcode(ins, lines, N(ins), consts, 5, 2);
    uint32_t q[N(ins)];
    quicken(co, q);
    cr_assert_eq(INSTR_OP(q[0]), OP_FAST_CONST_BINOP_STORE);
    cr_assert_eq(INSTR_OP(q[1]), OP_CONST_BINOP);
    cr_assert_eq(INSTR_OP(q[3]), OP_STORE_FAST);
    /* a * 3 is followed by another operator, not a store. */
    cr_assert_eq(INSTR_OP(q[4]), OP_FAST_CONST_BINOP);
    cr_assert_eq(INSTR_OP(q[7]), OP_CONST_BINOP);
    cr_assert_eq(INSTR_OP(q[10]), OP_FAST_CONST_COMPARE_JUMP_IF_TRUE);
    cr_assert_eq(INSTR_OP(q[14]), OP_RETURN_CONST);
}

Test(quicken, global_groups_span_one_line_only)
{
    /* g += 1 with its store on another line: no store group. */
    uint32_t ins[] = {I(LOAD_GLOBAL, 0), I(LOAD_CONST, 0), I(BINARY_OP, BOP_ADD),
                      I(STORE_GLOBAL, 0), I(LOAD_CONST, 0), I(RETURN_VALUE, 0)};
    int lines[] = {1, 1, 1, 2, 2, 2};
    Value consts[] = {V_INT(1)};
    CodeObj *co = mkcode(ins, lines, N(ins), consts, 1, 0);
    uint32_t q[N(ins)];
    quicken(co, q);
    cr_assert_eq(INSTR_OP(q[0]), OP_GLOBAL_CONST_BINOP);
    cr_assert_eq(INSTR_OP(q[3]), OP_STORE_GLOBAL);
}

Test(quicken, global_groups_run_as_the_original)
{
    /* The loop above as a function of no arguments over its globals;
     * it returns i.  Ints take the fast paths, floats the slow ones. */
    uint32_t code[] = {I(LOAD_GLOBAL, 0), I(LOAD_CONST, 0), I(BINARY_OP, BOP_ADD),
                       I(STORE_GLOBAL, 0), I(LOAD_GLOBAL, 0), I(LOAD_CONST, 1),
                       I(COMPARE_OP, CMP_LT), I(POP_JUMP_IF_TRUE, 0),
                       I(LOAD_GLOBAL, 0), I(RETURN_VALUE, 0)};
    Value consts[] = {V_INT(1), V_INT(10)};
    CodeObj *co = mkcode(code, NULL, N(code), consts, 2, 0);
    free(co->names);
    co->names = calloc(1, sizeof *co->names);
    co->names[0] = str_intern_cstr("i");
    co->nnames = 1;
    DictObj *g = dict_new();
    Value gv = V_OBJ(g);
    gc_root_push(&gv);
    FuncObj *fn = func_new(co, g, co->qualname);
    Value fv = V_OBJ(fn);
    gc_root_push(&fv);
    dict_set_str(g, str_intern_cstr("i"), V_INT(3));
    Value r = obj_call(fv, NULL, 0, NULL);
    cr_assert(IS_INT(r) && AS_INT(r) == 10);
    dict_set_str(g, str_intern_cstr("i"), V_FLOAT(2.5));
    r = obj_call(fv, NULL, 0, NULL);
    cr_assert(IS_FLOAT(r) && AS_FLOAT(r) == 10.5);
    /* No global i: NameError from the group's first part. */
    dict_del(g, V_OBJ(str_intern_cstr("i")));
    cr_assert(IS_NULL(obj_call(fv, NULL, 0, NULL)));
    Value e = err_fetch();
    cr_assert_eq(val_type(e), &exc_NameError);
    gc_root_pop(2);
}
