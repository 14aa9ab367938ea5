/* test_gen.c - generators: send, throw, close, PEP 479 and yield from,
 * on hand-assembled generator code. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/runtime.h"
#include "vm/vm.h"
#include "vm_helpers.h"

TestSuite(gen, .init = vt_setup);

static FuncObj *mkgen(const char *qualname, const uint32_t *ins, int n,
                      const Value *consts, int nconsts,
                      const char *const *names, int nnames)
{
    CodeObj *co = vt_code(ins, n, 1, consts, nconsts);
    co->names = vt_names(names, nnames);
    co->nnames = nnames;
    co->flags = CO_NEWLOCALS | CO_GENERATOR;
    co->stacksize = 8;
    const char *dot = strrchr(qualname, '.');
    co->name = S(dot ? dot + 1 : qualname);
    co->qualname = S(qualname);
    co->filename = S("t.py");
    return func_new(co, globals, S(qualname));
}

/* yield 1; yield 2; return 3 */
static Value one_two_three(void)
{
    static const uint32_t ins[] = {
        I(GEN_START, 0), I(LOAD_CONST, 0), I(YIELD_VALUE, 0), I(POP_TOP, 0),
        I(LOAD_CONST, 1), I(YIELD_VALUE, 0), I(POP_TOP, 0), I(LOAD_CONST, 2),
        I(RETURN_VALUE, 0)};
    Value c[] = {V_INT(1), V_INT(2), V_INT(3)};
    return V_OBJ(mkgen("g", ins, N(ins), c, 3, NULL, 0));
}

/* x = yield 0; while True: x = yield x */
static Value echo(void)
{
    static const uint32_t ins[] = {I(GEN_START, 0), I(LOAD_CONST, 0),
                                   I(YIELD_VALUE, 0), I(YIELD_VALUE, 0),
                                   I(JUMP, 3)};
    Value c[] = {V_INT(0)};
    return V_OBJ(mkgen("echo", ins, N(ins), c, 1, NULL, 0));
}

/* try: yield 1  except: yield 2 */
static Value stubborn(void)
{
    static const uint32_t ins[] = {
        I(GEN_START, 0), I(SETUP_FINALLY, 7), I(LOAD_CONST, 0),
        I(YIELD_VALUE, 0), I(POP_TOP, 0), I(POP_BLOCK, 0), I(JUMP, 12),
        /* 7 */ I(POP_TOP, 0), I(LOAD_CONST, 1), I(YIELD_VALUE, 0),
        I(POP_TOP, 0), I(POP_EXCEPT, 0),
        /* 12 */ I(LOAD_CONST, 2), I(RETURN_VALUE, 0)};
    Value c[] = {V_INT(1), V_INT(2), V_NONE};
    return V_OBJ(mkgen("stubborn", ins, N(ins), c, 3, NULL, 0));
}

/* return (yield from inner()) */
static Value delegating(Value inner_fn)
{
    dict_set_str(globals, S("inner"), inner_fn);
    static const uint32_t ins[] = {
        I(GEN_START, 0), I(LOAD_GLOBAL, 0), I(CALL_FUNCTION, 0),
        I(GET_YIELD_FROM_ITER, 0), I(LOAD_CONST, 0), I(YIELD_FROM, 0),
        I(RETURN_VALUE, 0)};
    Value c[] = {V_NONE};
    const char *names[] = {"inner"};
    return V_OBJ(mkgen("outer", ins, N(ins), c, 1, names, 1));
}

static const char *message(void)
{
    Value s = obj_str(err_peek());
    return STR_CSTR((StrObj *)AS_OBJ(s));
}

static Value next(Value g)
{
    return gen_send(g, V_NONE);
}

Test(gen, calling_makes_a_generator_without_running_it)
{
    Value g = obj_call0(one_two_three());
    cr_assert(IS_TYPE(g, gen_type));
    cr_assert_eq(((GenObj *)AS_OBJ(g))->frame->lasti, -1);
}

Test(gen, yields_then_stop_iteration_carries_return_value)
{
    Value g = obj_call0(one_two_three());
    cr_assert_eq(AS_INT(next(g)), 1);
    cr_assert_eq(AS_INT(next(g)), 2);
    cr_assert(IS_NULL(next(g)));
    cr_assert(err_matches(&exc_StopIteration));
    cr_assert_eq(AS_INT(vm_stopiteration_value(err_fetch())), 3);
    cr_assert(IS_NULL(next(g)));
    cr_assert(err_matches(&exc_StopIteration));
    cr_assert_eq(ts_current->depth, 0);
}

Test(gen, iteration_through_the_next_slot)
{
    Value g = obj_call0(one_two_three());
    Value l = list_from_iter(g);
    cr_assert(!IS_NULL(l));
    ListObj *lo = (ListObj *)AS_OBJ(l);
    cr_assert_eq(lo->n, 2);
    cr_assert_eq(AS_INT(lo->items[1]), 2);
}

Test(gen, send_delivers_values)
{
    Value g = obj_call0(echo());
    cr_assert_eq(AS_INT(next(g)), 0);
    cr_assert_eq(AS_INT(gen_send(g, V_INT(5))), 5);
    cr_assert_eq(AS_INT(gen_send(g, V_INT(6))), 6);
}

Test(gen, send_non_none_to_fresh_generator)
{
    Value g = obj_call0(echo());
    cr_assert(IS_NULL(gen_send(g, V_INT(1))));
    cr_assert(err_matches(&exc_TypeError));
    cr_assert_str_eq(message(),
                     "can't send non-None value to a just-started generator");
}

Test(gen, stop_iteration_inside_becomes_runtime_error)
{
    static const uint32_t ins[] = {I(GEN_START, 0), I(LOAD_CONST, 0),
                                   I(RAISE_VARARGS, 1)};
    Value c[] = {V_OBJ(&exc_StopIteration)};
    Value g = obj_call0(V_OBJ(mkgen("g", ins, N(ins), c, 1, NULL, 0)));
    cr_assert(IS_NULL(next(g)));
    cr_assert(err_matches(&exc_RuntimeError));
    cr_assert_str_eq(message(), "generator raised StopIteration");
    ExcObj *e = (ExcObj *)AS_OBJ(err_peek());
    cr_assert(val_isinstance(e->cause, &exc_StopIteration) == 1);
}

Test(gen, throw_is_caught_inside_and_resumes)
{
    Value g = obj_call0(stubborn());
    cr_assert_eq(AS_INT(next(g)), 1);
    Value r = gen_throw(g, V_OBJ(&exc_ValueError));
    cr_assert(IS_INT(r) && AS_INT(r) == 2);
    cr_assert(IS_NULL(ts_current->handled));
}

Test(gen, throw_uncaught_propagates_with_generator_traceback)
{
    Value g = obj_call0(one_two_three());
    next(g);
    cr_assert(IS_NULL(gen_throw(g, V_OBJ(&exc_KeyError))));
    cr_assert(err_matches(&exc_KeyError));
    ExcObj *e = (ExcObj *)AS_OBJ(err_peek());
    cr_assert_not_null(e->traceback);
    cr_assert_eq(e->traceback->lineno, 3); /* at the first yield */
    err_clear();
    cr_assert(IS_NULL(next(g)));
    cr_assert(err_matches(&exc_StopIteration));
}

Test(gen, close_finishes_a_suspended_generator)
{
    Value g = obj_call0(one_two_three());
    next(g);
    cr_assert(IS_NONE(gen_close(g)));
    cr_assert(((GenObj *)AS_OBJ(g))->frame->finished);
    cr_assert(IS_NONE(gen_close(g)));
}

Test(gen, close_of_generator_that_yields_again)
{
    Value g = obj_call0(stubborn());
    next(g);
    cr_assert(IS_NULL(gen_close(g)));
    cr_assert(err_matches(&exc_RuntimeError));
    cr_assert_str_eq(message(), "generator ignored GeneratorExit");
}

Test(gen, generator_already_executing)
{
    /* g.__next__() from inside g */
    static const uint32_t ins[] = {I(GEN_START, 0), I(LOAD_GLOBAL, 0),
                                   I(LOAD_METHOD, 1), I(CALL_METHOD, 0),
                                   I(YIELD_VALUE, 0)};
    const char *names[] = {"me", "__next__"};
    Value g = obj_call0(V_OBJ(mkgen("g", ins, N(ins), NULL, 0, names, 2)));
    dict_set_str(globals, S("me"), g);
    cr_assert(IS_NULL(next(g)));
    cr_assert(err_matches(&exc_ValueError));
    cr_assert_str_eq(message(), "generator already executing");
}

Test(gen, yield_from_passes_values_and_result)
{
    Value g = obj_call0(delegating(one_two_three()));
    cr_assert_eq(AS_INT(next(g)), 1);
    cr_assert_eq(AS_INT(next(g)), 2);
    cr_assert(IS_NULL(next(g)));
    cr_assert(err_matches(&exc_StopIteration));
    cr_assert_eq(AS_INT(vm_stopiteration_value(err_fetch())), 3);
}

Test(gen, yield_from_forwards_send)
{
    Value g = obj_call0(delegating(echo()));
    cr_assert_eq(AS_INT(next(g)), 0);
    cr_assert_eq(AS_INT(gen_send(g, V_INT(9))), 9);
}

Test(gen, yield_from_forwards_throw)
{
    Value g = obj_call0(delegating(stubborn()));
    cr_assert_eq(AS_INT(next(g)), 1);
    Value r = gen_throw(g, V_OBJ(&exc_ValueError));
    cr_assert(IS_INT(r) && AS_INT(r) == 2);
    /* The delegate then returns None, which ends the outer generator. */
    cr_assert(IS_NULL(next(g)));
    cr_assert(err_matches(&exc_StopIteration));
}

Test(gen, yield_from_close_closes_the_delegate)
{
    Value g = obj_call0(delegating(one_two_three()));
    next(g);
    Frame *f = ((GenObj *)AS_OBJ(g))->frame;
    Value inner = FRAME_STACK(f)[f->stackdepth - 1];
    cr_assert(IS_TYPE(inner, gen_type));
    cr_assert(IS_NONE(gen_close(g)));
    cr_assert(((GenObj *)AS_OBJ(inner))->frame->finished);
}

Test(gen, names_and_repr)
{
    static const uint32_t ins[] = {I(GEN_START, 0), I(LOAD_CONST, 0),
                                   I(RETURN_VALUE, 0)};
    Value c[] = {V_NONE};
    Value g = obj_call0(V_OBJ(mkgen("f.<locals>.g", ins, N(ins), c, 1, NULL, 0)));
    Value name = obj_getattr_cstr(g, "__name__");
    Value qual = obj_getattr_cstr(g, "__qualname__");
    cr_assert_str_eq(STR_CSTR((StrObj *)AS_OBJ(name)), "g");
    cr_assert_str_eq(STR_CSTR((StrObj *)AS_OBJ(qual)), "f.<locals>.g");
    const char *r = STR_CSTR((StrObj *)AS_OBJ(obj_repr(g)));
    cr_assert(strncmp(r, "<generator object f.<locals>.g at 0x", 36) == 0, "%s", r);
}

Test(gen, suspended_generator_survives_collection)
{
    gc_set_enabled(1);
    Value g = obj_call0(echo());
    gc_root_push(&g);
    next(g);
    gen_send(g, V_OBJ(str_from_cstr("kept")));
    gc_collect();
    Value r = gen_send(g, V_OBJ(str_from_cstr("again")));
    cr_assert_str_eq(STR_CSTR((StrObj *)AS_OBJ(r)), "again");
    gc_root_pop(1);
}
