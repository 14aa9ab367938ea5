/* test_eval.c - the dispatch loop, run on code objects assembled by hand
 * (instruction i is on line i + 1, so tracebacks name instructions). */
/* config.h: whether the loop dispatches through computed-goto tables. */
#include "config.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/runtime.h"
#include "vm/vm.h"
#include "vm_helpers.h"

/* A function-style code object; callers adjust flags and counts. */
static CodeObj *mkcode(const char *name, const uint32_t *ins, int n,
                       const Value *consts, int nconsts,
                       const char *const *names, int nnames,
                       const char *const *vars, int nvars)
{
    CodeObj *co = vt_code(ins, n, 1, consts, nconsts);
    co->names = vt_names(names, nnames);
    co->nnames = nnames;
    co->varnames = vt_names(vars, nvars);
    co->nlocals = nvars;
    co->flags = CO_NEWLOCALS;
    co->stacksize = 16;
    co->firstlineno = 1;
    co->name = co->qualname = S(name);
    co->filename = S("t.py");
    return co;
}

static Value run(CodeObj *co)
{
    co->flags = CO_MODULE;
    return vm_run_module(co, globals);
}

static const char *exc_message(void)
{
    Value e = err_peek();
    cr_assert(!IS_NULL(e), "expected an exception");
    Value s = obj_str(e);
    return STR_CSTR((StrObj *)AS_OBJ(s));
}

static int tb_count(Value exc)
{
    int n = 0;
    for (TracebackObj *t = ((ExcObj *)AS_OBJ(exc))->traceback; t; t = t->next)
        n++;
    return n;
}

TestSuite(eval, .init = vt_setup);

Test(eval, int_addition_fast_path)
{
    uint32_t ins[] = {I(LOAD_CONST, 0), I(LOAD_CONST, 1), I(BINARY_OP, BOP_ADD),
                      I(RETURN_VALUE, 0)};
    Value c[] = {V_INT(2), V_INT(40)};
    Value r = run(mkcode("<module>", ins, N(ins), c, 2, NULL, 0, NULL, 0));
    cr_assert(IS_INT(r) && AS_INT(r) == 42);
}

Test(eval, int_overflow_raises_overflow_error)
{
    uint32_t ins[] = {I(LOAD_CONST, 0), I(LOAD_CONST, 0), I(BINARY_OP, BOP_MUL),
                      I(RETURN_VALUE, 0)};
    Value c[] = {V_INT(INT64_MAX / 2)};
    Value r = run(mkcode("<module>", ins, N(ins), c, 1, NULL, 0, NULL, 0));
    cr_assert(IS_NULL(r));
    cr_assert(err_matches(&exc_OverflowError));
}

/* i = 0; s = 0; while i < 100: s += i; i += 1; return s */
static CodeObj *sum_loop(void)
{
    uint32_t ins[] = {
        I(LOAD_CONST, 0), I(STORE_FAST, 0), I(LOAD_CONST, 0), I(STORE_FAST, 1),
        /* 4 */ I(LOAD_FAST, 0), I(LOAD_CONST, 1), I(COMPARE_OP, CMP_LT),
        I(POP_JUMP_IF_FALSE, 17),
        /* 8 */ I(LOAD_FAST, 1), I(LOAD_FAST, 0),
        I(BINARY_OP, BOP_INPLACE + BOP_ADD), I(STORE_FAST, 1),
        /* 12 */ I(LOAD_FAST, 0), I(LOAD_CONST, 2), I(BINARY_OP, BOP_ADD),
        I(STORE_FAST, 0), I(JUMP, 4),
        /* 17 */ I(LOAD_FAST, 1), I(RETURN_VALUE, 0)};
    Value c[] = {V_INT(0), V_INT(100), V_INT(1)};
    const char *vars[] = {"i", "s"};
    CodeObj *co = mkcode("f", ins, N(ins), c, 3, NULL, 0, vars, 2);
    return co;
}

static Value call_code(CodeObj *co, Value *args, int nargs)
{
    FuncObj *fn = func_new(co, globals, co->qualname);
    return obj_call(V_OBJ(fn), args, nargs, NULL);
}

Test(eval, while_loop_with_locals_and_backward_jump)
{
    Value r = call_code(sum_loop(), NULL, 0);
    cr_assert(IS_INT(r) && AS_INT(r) == 4950, "got %lld", (long long)AS_INT(r));
    cr_assert_eq(ts_current->depth, 0);
    cr_assert_null(ts_current->frame);
}

Test(eval, load_global_cache_sees_updates)
{
    uint32_t ins[] = {I(LOAD_GLOBAL, 0), I(RETURN_VALUE, 0)};
    const char *names[] = {"x"};
    CodeObj *co = mkcode("f", ins, N(ins), NULL, 0, names, 1, NULL, 0);
    FuncObj *fn = func_new(co, globals, S("f"));
    dict_set_str(globals, S("x"), V_INT(1));
    cr_assert_eq(AS_INT(obj_call0(V_OBJ(fn))), 1);
    cr_assert_eq(AS_INT(obj_call0(V_OBJ(fn))), 1);
    dict_set_str(globals, S("x"), V_INT(2));
    cr_assert_eq(AS_INT(obj_call0(V_OBJ(fn))), 2);
    /* Falls back to builtins once the global is deleted. */
    dict_set_str(vm_builtins(), S("x"), V_INT(3));
    dict_del(globals, V_OBJ(S("x")));
    cr_assert_eq(AS_INT(obj_call0(V_OBJ(fn))), 3);
}

Test(eval, load_global_copy_follows_every_change)
{
    /* The site keeps a copy of x while the globals' version stands. */
    uint32_t ins[] = {I(LOAD_GLOBAL, 0), I(RETURN_VALUE, 0)};
    const char *names[] = {"x"};
    CodeObj *co = mkcode("f", ins, N(ins), NULL, 0, names, 1, NULL, 0);
    FuncObj *fn = func_new(co, globals, S("f"));
    dict_set_str(globals, S("x"), V_INT(1));
    cr_assert_eq(AS_INT(obj_call0(V_OBJ(fn))), 1);
    cr_assert_eq(AS_INT(obj_call0(V_OBJ(fn))), 1);
    dict_set_str(globals, S("y"), V_INT(9)); /* another key */
    cr_assert_eq(AS_INT(obj_call0(V_OBJ(fn))), 1);
    dict_set_str(globals, S("x"), V_INT(5)); /* in place */
    cr_assert_eq(AS_INT(obj_call0(V_OBJ(fn))), 5);
    dict_del(globals, V_OBJ(S("x")));
    dict_set_str(globals, S("x"), V_INT(6)); /* a new entry */
    cr_assert_eq(AS_INT(obj_call0(V_OBJ(fn))), 6);
    dict_del(globals, V_OBJ(S("x")));
    cr_assert(IS_NULL(obj_call0(V_OBJ(fn))));
    cr_assert_eq(val_type(err_fetch()), &exc_NameError);
}

Test(eval, missing_global_is_name_error)
{
    uint32_t ins[] = {I(LOAD_GLOBAL, 0), I(RETURN_VALUE, 0)};
    const char *names[] = {"nope"};
    Value r = call_code(mkcode("f", ins, N(ins), NULL, 0, names, 1, NULL, 0),
                        NULL, 0);
    cr_assert(IS_NULL(r));
    cr_assert(err_matches(&exc_NameError));
    cr_assert_str_eq(exc_message(), "name 'nope' is not defined");
}

Test(eval, unbound_local_message)
{
    uint32_t ins[] = {I(LOAD_FAST, 0), I(RETURN_VALUE, 0)};
    const char *vars[] = {"x"};
    Value r = call_code(mkcode("f", ins, N(ins), NULL, 0, NULL, 0, vars, 1),
                        NULL, 0);
    cr_assert(IS_NULL(r));
    cr_assert(err_matches(&exc_UnboundLocalError));
    cr_assert_str_eq(exc_message(), "cannot access local variable 'x' where "
                                    "it is not associated with a value");
}

/* try: raise ValueError  except ValueError: return 7 */
Test(eval, try_except_catches_and_restores_handled)
{
    uint32_t ins[] = {
        I(SETUP_FINALLY, 4), I(LOAD_CONST, 0), I(RAISE_VARARGS, 1),
        I(POP_BLOCK, 0),
        /* 4 */ I(DUP_TOP, 0), I(LOAD_CONST, 0),
        I(JUMP_IF_NOT_EXC_MATCH, 11), I(POP_TOP, 0), I(POP_EXCEPT, 0),
        I(LOAD_CONST, 1), I(RETURN_VALUE, 0),
        /* 11 */ I(RERAISE, 0)};
    Value c[] = {V_OBJ(&exc_ValueError), V_INT(7)};
    Value r = call_code(mkcode("f", ins, N(ins), c, 2, NULL, 0, NULL, 0), NULL, 0);
    cr_assert(IS_INT(r) && AS_INT(r) == 7);
    cr_assert(IS_NULL(ts_current->handled));
    cr_assert(!err_occurred());
}

Test(eval, unmatched_except_reraises_without_extra_traceback)
{
    uint32_t ins[] = {
        I(SETUP_FINALLY, 4), I(LOAD_CONST, 0), I(RAISE_VARARGS, 1),
        I(POP_BLOCK, 0),
        /* 4 */ I(DUP_TOP, 0), I(LOAD_CONST, 1),
        I(JUMP_IF_NOT_EXC_MATCH, 11), I(POP_TOP, 0), I(POP_EXCEPT, 0),
        I(LOAD_CONST, 2), I(RETURN_VALUE, 0),
        /* 11 */ I(RERAISE, 0)};
    Value c[] = {V_OBJ(&exc_ValueError), V_OBJ(&exc_KeyError), V_INT(7)};
    Value r = call_code(mkcode("f", ins, N(ins), c, 3, NULL, 0, NULL, 0), NULL, 0);
    cr_assert(IS_NULL(r));
    cr_assert(err_matches(&exc_ValueError));
    Value e = err_peek();
    cr_assert_eq(tb_count(e), 1);
    cr_assert_eq(((ExcObj *)AS_OBJ(e))->traceback->lineno, 3);
    cr_assert(IS_NULL(ts_current->handled));
}

Test(eval, bare_raise_without_active_exception)
{
    uint32_t ins[] = {I(RAISE_VARARGS, 0), I(RETURN_VALUE, 0)};
    Value r = call_code(mkcode("f", ins, N(ins), NULL, 0, NULL, 0, NULL, 0), NULL, 0);
    cr_assert(IS_NULL(r));
    cr_assert(err_matches(&exc_RuntimeError));
    cr_assert_str_eq(exc_message(), "No active exception to reraise");
}

Test(eval, raise_non_exception_is_type_error)
{
    uint32_t ins[] = {I(LOAD_CONST, 0), I(RAISE_VARARGS, 1)};
    Value c[] = {V_INT(5)};
    Value r = call_code(mkcode("f", ins, N(ins), c, 1, NULL, 0, NULL, 0), NULL, 0);
    cr_assert(IS_NULL(r));
    cr_assert_str_eq(exc_message(), "exceptions must derive from BaseException");
}

Test(eval, raise_from_sets_cause_and_suppresses_context)
{
    uint32_t ins[] = {I(LOAD_CONST, 0), I(LOAD_CONST, 1), I(RAISE_VARARGS, 2)};
    Value c[] = {V_OBJ(&exc_ValueError), V_OBJ(&exc_KeyError)};
    call_code(mkcode("f", ins, N(ins), c, 2, NULL, 0, NULL, 0), NULL, 0);
    ExcObj *e = (ExcObj *)AS_OBJ(err_peek());
    cr_assert(val_isinstance(e->cause, &exc_KeyError) == 1);
    cr_assert(e->suppress_context);
}

/* g(): raise ValueError;  f(): g()  -- one traceback entry per frame. */
Test(eval, traceback_entry_per_frame_for_inline_calls)
{
    uint32_t gins[] = {I(LOAD_CONST, 0), I(RAISE_VARARGS, 1)};
    Value gc[] = {V_OBJ(&exc_ValueError)};
    CodeObj *g = mkcode("g", gins, N(gins), gc, 1, NULL, 0, NULL, 0);
    dict_set_str(globals, S("g"), V_OBJ(func_new(g, globals, S("g"))));
    uint32_t fins[] = {I(NOP, 0), I(LOAD_GLOBAL, 0), I(CALL_FUNCTION, 0),
                       I(RETURN_VALUE, 0)};
    const char *names[] = {"g"};
    Value r = call_code(mkcode("f", fins, N(fins), NULL, 0, names, 1, NULL, 0),
                        NULL, 0);
    cr_assert(IS_NULL(r));
    Value e = err_peek();
    cr_assert_eq(tb_count(e), 2);
    TracebackObj *outer = ((ExcObj *)AS_OBJ(e))->traceback;
    cr_assert_eq(outer->lineno, 3); /* the CALL_FUNCTION in f */
    cr_assert_eq(outer->next->lineno, 2);
    cr_assert_eq(ts_current->depth, 0);
}

/* def r(): return r()  -- bounded by the recursion limit, not the C stack */
Test(eval, recursion_limit_raises_recursion_error)
{
    uint32_t ins[] = {I(LOAD_GLOBAL, 0), I(CALL_FUNCTION, 0), I(RETURN_VALUE, 0)};
    const char *names[] = {"r"};
    CodeObj *co = mkcode("r", ins, N(ins), NULL, 0, names, 1, NULL, 0);
    dict_set_str(globals, S("r"), V_OBJ(func_new(co, globals, S("r"))));
    Value r = obj_call0(dict_get_str(globals, S("r")));
    cr_assert(IS_NULL(r));
    cr_assert(err_matches(&exc_RecursionError));
    cr_assert_str_eq(exc_message(), "maximum recursion depth exceeded");
    cr_assert_eq(ts_current->depth, 0);
}

/* def d(n): return n if n == 0 else d(n - 1), 200000 deep. */
Test(eval, deep_python_recursion_does_not_use_the_c_stack)
{
    uint32_t ins[] = {
        I(LOAD_FAST, 0), I(LOAD_CONST, 0), I(COMPARE_OP, CMP_EQ),
        I(POP_JUMP_IF_FALSE, 6), I(LOAD_FAST, 0), I(RETURN_VALUE, 0),
        /* 6 */ I(LOAD_GLOBAL, 0), I(LOAD_FAST, 0), I(LOAD_CONST, 1),
        I(BINARY_OP, BOP_SUB), I(CALL_FUNCTION, 1), I(RETURN_VALUE, 0)};
    Value c[] = {V_INT(0), V_INT(1)};
    const char *names[] = {"d"};
    const char *vars[] = {"n"};
    CodeObj *co = mkcode("d", ins, N(ins), c, 2, names, 1, vars, 1);
    co->argcount = 1;
    dict_set_str(globals, S("d"), V_OBJ(func_new(co, globals, S("d"))));
    ts_recursion_limit = 300000;
    Value r = obj_call1(dict_get_str(globals, S("d")), V_INT(200000));
    cr_assert(IS_INT(r) && AS_INT(r) == 0);
}

Test(eval, list_method_call_through_load_method)
{
    uint32_t ins[] = {I(BUILD_LIST, 0), I(STORE_FAST, 0), I(LOAD_FAST, 0),
                      I(LOAD_METHOD, 0), I(LOAD_CONST, 0), I(CALL_METHOD, 1),
                      I(POP_TOP, 0), I(LOAD_FAST, 0), I(LOAD_CONST, 1),
                      I(BINARY_SUBSCR, 0), I(RETURN_VALUE, 0)};
    Value c[] = {V_INT(9), V_INT(-1)};
    const char *names[] = {"append"};
    const char *vars[] = {"l"};
    Value r = call_code(mkcode("f", ins, N(ins), c, 2, names, 1, vars, 1), NULL, 0);
    cr_assert(IS_INT(r) && AS_INT(r) == 9);
}

Test(eval, unpack_sequence_count_errors)
{
    uint32_t ins[] = {I(LOAD_CONST, 0), I(LOAD_CONST, 1), I(BUILD_LIST, 2),
                      I(UNPACK_SEQUENCE, 3), I(RETURN_VALUE, 0)};
    Value c[] = {V_INT(1), V_INT(2)};
    call_code(mkcode("f", ins, N(ins), c, 2, NULL, 0, NULL, 0), NULL, 0);
    cr_assert_str_eq(exc_message(),
                     "not enough values to unpack (expected 3, got 2)");
}

Test(eval, unpack_sequence_order_first_on_top)
{
    uint32_t ins[] = {I(LOAD_CONST, 0), I(LOAD_CONST, 1), I(BUILD_TUPLE, 2),
                      I(UNPACK_SEQUENCE, 2), I(BINARY_OP, BOP_SUB),
                      I(RETURN_VALUE, 0)};
    Value c[] = {V_INT(10), V_INT(3)};
    /* a, b = (10, 3) leaves b below a: a - b with TOS = a gives 3 - 10. */
    Value r = call_code(mkcode("f", ins, N(ins), c, 2, NULL, 0, NULL, 0), NULL, 0);
    cr_assert_eq(AS_INT(r), -7);
}

Test(eval, unpack_non_iterable_message)
{
    uint32_t ins[] = {I(LOAD_CONST, 0), I(UNPACK_SEQUENCE, 2), I(RETURN_VALUE, 0)};
    Value c[] = {V_INT(1)};
    call_code(mkcode("f", ins, N(ins), c, 1, NULL, 0, NULL, 0), NULL, 0);
    cr_assert_str_eq(exc_message(), "cannot unpack non-iterable int object");
}

Test(eval, build_map_and_subscript)
{
    uint32_t ins[] = {I(LOAD_CONST, 0), I(LOAD_CONST, 1), I(BUILD_MAP, 1),
                      I(LOAD_CONST, 0), I(BINARY_SUBSCR, 0), I(RETURN_VALUE, 0)};
    Value c[] = {V_OBJ(S("k")), V_INT(5)};
    Value r = call_code(mkcode("f", ins, N(ins), c, 2, NULL, 0, NULL, 0), NULL, 0);
    cr_assert(IS_INT(r) && AS_INT(r) == 5);
}

Test(eval, format_value_and_build_string)
{
    uint32_t ins[] = {I(LOAD_CONST, 0), I(LOAD_CONST, 1), I(FORMAT_VALUE, 2),
                      I(BUILD_STRING, 2), I(RETURN_VALUE, 0)};
    Value c[] = {V_OBJ(S("v=")), V_OBJ(S("a"))};
    Value r = call_code(mkcode("f", ins, N(ins), c, 2, NULL, 0, NULL, 0), NULL, 0);
    cr_assert_str_eq(STR_CSTR((StrObj *)AS_OBJ(r)), "v='a'");
}

/* ---- the eval breaker -------------------------------------------------- */

static int hook_calls;
static int hook_lasti;
static int raise_hook(void)
{
    hook_calls++;
    hook_lasti = ts_current->frame->lasti;
    eb_clear(EB_SIGNALS);
    err_set(&exc_KeyboardInterrupt, "%s", "");
    return -1;
}

static int count_hook(void)
{
    hook_calls++;
    hook_lasti = ts_current->frame->lasti;
    eb_clear(EB_SIGNALS);
    return 0;
}

Test(eval, gc_bit_is_cleared_by_the_slow_path)
{
    eb_set(EB_GC);
    Value r = call_code(sum_loop(), NULL, 0);
    cr_assert_eq(AS_INT(r), 4950);
    cr_assert_eq(eb_load() & EB_GC, 0);
}

#ifdef HAVE_COMPUTED_GOTO
Test(eval, dispatch_table_follows_the_breaker_word)
{
    call_code(sum_loop(), NULL, 0); /* installs the loop's tables */
    EbTable fast = atomic_load(&eb_fast_table);
    EbTable slow = atomic_load(&eb_slow_table);
    cr_assert(fast != NULL && slow != NULL && fast != slow);
    cr_assert_eq(atomic_load(&eb_table), fast);
    eb_set(EB_GC);
    cr_assert_eq(atomic_load(&eb_table), slow);
    eb_set(EB_PENDING);
    eb_clear(EB_GC);
    cr_assert_eq(atomic_load(&eb_table), slow); /* a bit is still set */
    eb_clear(EB_PENDING);
    cr_assert_eq(atomic_load(&eb_table), fast);
}

Test(eval, stale_slow_table_heals_at_the_next_instruction)
{
    /* An eb_set whose table store lost a race with the eb_clear of its
     * bit: the slow table with no bit set.  The code still runs, and the
     * slow path puts the fast table back. */
    call_code(sum_loop(), NULL, 0);
    atomic_store(&eb_table, atomic_load(&eb_slow_table));
    cr_assert_eq(AS_INT(call_code(sum_loop(), NULL, 0)), 4950);
    cr_assert_eq(atomic_load(&eb_table), atomic_load(&eb_fast_table));
}
#endif

Test(eval, signal_hook_exception_raised_at_next_instruction)
{
    vm_signal_hook = raise_hook;
    eb_set(EB_SIGNALS);
    Value r = call_code(sum_loop(), NULL, 0);
    cr_assert(IS_NULL(r));
    cr_assert(err_matches(&exc_KeyboardInterrupt));
    cr_assert_eq(hook_calls, 1);
    cr_assert_eq(hook_lasti, 0);
    cr_assert_eq(((ExcObj *)AS_OBJ(err_peek()))->traceback->lineno, 1);
}

static Value set_signal_bit(Value *args, int nargs, TupleObj *kw)
{
    (void)args;
    (void)nargs;
    (void)kw;
    eb_set(EB_SIGNALS);
    return V_NONE;
}

/* trip(); x = 1; x = 2; return x -- trip() sets the signal bit. */
static FuncObj *trip_func(int native_flags)
{
    Value trip = native_new("trip", set_signal_bit, V_NULL, native_flags);
    dict_set_str(globals, S("trip"), trip);
    uint32_t ins[] = {I(LOAD_GLOBAL, 0), I(CALL_FUNCTION, 0), I(POP_TOP, 0),
                      I(LOAD_CONST, 0), I(STORE_FAST, 0), I(LOAD_CONST, 1),
                      I(STORE_FAST, 0), I(LOAD_FAST, 0), I(RETURN_VALUE, 0)};
    Value c[] = {V_INT(1), V_INT(2)};
    const char *names[] = {"trip"};
    const char *vars[] = {"x"};
    CodeObj *co = mkcode("f", ins, N(ins), c, 2, names, 1, vars, 1);
    return func_new(co, globals, S("f"));
}

/* try: trip(); pass  except: return 77 -- the exception from the hook is
 * raised at the instruction after the call, inside the try. */
Test(eval, signal_exception_is_caught_by_enclosing_try)
{
    dict_set_str(globals, S("trip"),
                 native_new("trip", set_signal_bit, V_NULL, NATIVE_NO_CHECK));
    uint32_t ins[] = {
        I(SETUP_FINALLY, 7), I(LOAD_GLOBAL, 0), I(CALL_FUNCTION, 0),
        I(POP_TOP, 0), I(POP_BLOCK, 0), I(LOAD_CONST, 1), I(RETURN_VALUE, 0),
        /* 7 */ I(POP_TOP, 0), I(POP_EXCEPT, 0), I(LOAD_CONST, 0),
        I(RETURN_VALUE, 0)};
    Value c[] = {V_INT(77), V_INT(1)};
    const char *names[] = {"trip"};
    vm_signal_hook = raise_hook;
    hook_calls = 0;
    Value r = call_code(mkcode("f", ins, N(ins), c, 2, names, 1, NULL, 0), NULL, 0);
    cr_assert(IS_INT(r) && AS_INT(r) == 77);
    cr_assert_eq(hook_calls, 1);
    cr_assert_eq(hook_lasti, 3);
    cr_assert(IS_NULL(ts_current->handled));
}

Test(eval, every_instruction_policy_checks_right_after_the_call)
{
    FuncObj *fn = trip_func(NATIVE_NO_CHECK);
    vm_signal_hook = count_hook;
    hook_calls = 0;
    Value r = obj_call0(V_OBJ(fn));
    cr_assert_eq(AS_INT(r), 2);
    cr_assert_eq(hook_calls, 1);
    cr_assert_eq(hook_lasti, 2); /* the POP_TOP after the call */
}

Test(eval, cpython_policy_checks_after_native_calls)
{
    FuncObj *fn = trip_func(0);
    vm_signal_hook = count_hook;
    vm_checkpoint_policy = VM_CHECK_CPYTHON;
    hook_calls = 0;
    obj_call0(V_OBJ(fn));
    cr_assert_eq(hook_calls, 1);
    cr_assert_eq(hook_lasti, 2);
}

Test(eval, cpython_policy_skips_straight_line_code)
{
    FuncObj *fn = trip_func(NATIVE_NO_CHECK);
    vm_signal_hook = count_hook;
    vm_checkpoint_policy = VM_CHECK_CPYTHON;
    hook_calls = 0;
    Value r = obj_call0(V_OBJ(fn));
    cr_assert_eq(AS_INT(r), 2);
    cr_assert_eq(hook_calls, 0);
    cr_assert_neq(eb_load() & EB_SIGNALS, 0);
    eb_clear(EB_SIGNALS);
}

/* A context manager whose __enter__ trips the signal bit: the first body
 * instruction runs before the check. */
static Value cm_enter(Value *args, int nargs, TupleObj *kw)
{
    (void)nargs;
    (void)kw;
    eb_set(EB_SIGNALS);
    return args[0];
}

static Value cm_exit(Value *args, int nargs, TupleObj *kw)
{
    (void)args;
    (void)nargs;
    (void)kw;
    return V_NONE;
}

Test(eval, setup_with_runs_first_body_instruction_without_check)
{
    DictObj *ns = dict_new();
    dict_set_str(ns, S("__enter__"), native_new("__enter__", cm_enter, V_NULL, NATIVE_METHOD));
    dict_set_str(ns, S("__exit__"), native_new("__exit__", cm_exit, V_NULL, NATIVE_METHOD));
    Value cls = type_new_class(S("CM"), S("CM"), NULL, ns);
    cr_assert(!IS_NULL(cls));
    Value mgr = obj_call0(cls);
    uint32_t ins[] = {I(LOAD_CONST, 0), I(SETUP_WITH, 8), I(STORE_FAST, 0),
                      I(NOP, 0), I(POP_BLOCK, 0), I(LOAD_CONST, 1),
                      I(RETURN_VALUE, 0), I(NOP, 0),
                      /* 8 */ I(RERAISE, 0)};
    Value c[] = {mgr, V_INT(5)};
    const char *vars[] = {"m"};
    vm_signal_hook = count_hook;
    hook_calls = 0;
    Value r = call_code(mkcode("f", ins, N(ins), c, 2, NULL, 0, vars, 1), NULL, 0);
    cr_assert_eq(hook_calls, 1);
    cr_assert_eq(hook_lasti, 3, "checked at %d", hook_lasti);
    cr_assert(!IS_NULL(r));
}

Test(eval, with_statement_calls_exit_on_exception)
{
    uint32_t ins[] = {I(LOAD_CONST, 0), I(SETUP_WITH, 0), I(RETURN_VALUE, 0)};
    Value c[] = {V_INT(3)};
    call_code(mkcode("f", ins, N(ins), c, 1, NULL, 0, NULL, 0), NULL, 0);
    cr_assert_str_eq(exc_message(),
                     "'int' object does not support the context manager protocol");
}

/* l = []; i = 0; while i < 20000: l.append([i]); i += 1; return l --
 * with collections running at instruction boundaries. */
Test(eval, gc_during_run_keeps_live_values)
{
    gc_set_enabled(1);
    uint32_t ins[] = {
        I(BUILD_LIST, 0), I(STORE_FAST, 1), I(LOAD_CONST, 0), I(STORE_FAST, 0),
        /* 4 */ I(LOAD_FAST, 0), I(LOAD_CONST, 1), I(COMPARE_OP, CMP_LT),
        I(POP_JUMP_IF_FALSE, 19),
        /* 8 */ I(LOAD_FAST, 1), I(LOAD_METHOD, 0), I(LOAD_FAST, 0),
        I(BUILD_LIST, 1), I(CALL_METHOD, 1), I(POP_TOP, 0),
        /* 14 */ I(LOAD_FAST, 0), I(LOAD_CONST, 2), I(BINARY_OP, BOP_ADD),
        I(STORE_FAST, 0), I(JUMP, 4),
        /* 19 */ I(LOAD_FAST, 1), I(RETURN_VALUE, 0)};
    Value c[] = {V_INT(0), V_INT(20000), V_INT(1)};
    const char *names[] = {"append"};
    const char *vars[] = {"i", "l"};
    Value fn = V_OBJ(func_new(mkcode("f", ins, N(ins), c, 3, names, 1, vars, 2),
                              globals, S("f")));
    gc_root_push(&fn);
    Value r = obj_call0(fn);
    gc_root_pop(1);
    cr_assert(IS_TYPE(r, list_type));
    ListObj *l = (ListObj *)AS_OBJ(r);
    cr_assert_eq(l->n, 20000);
    ListObj *last = (ListObj *)AS_OBJ(l->items[19999]);
    cr_assert_eq(AS_INT(last->items[0]), 19999);
}
