/* test_call.c - binding arguments to parameters, with CPython 3.11's
 * TypeError messages. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/runtime.h"
#include "vm/vm.h"
#include "vm_helpers.h"

TestSuite(call, .init = vt_setup);

/* def NAME(<params>): return (p0, p1, ...) -- all nparams locals. */
static FuncObj *mkfunc(const char *qualname, const char *const *params,
                       int nparams, int argcount, int kwonly, int flags)
{
    CodeObj *co = code_new();
    int n = nparams + 2;
    co->code = malloc((size_t)n * sizeof *co->code);
    co->lines = calloc((size_t)n, sizeof *co->lines);
    for (int i = 0; i < nparams; i++)
        co->code[i] = I(LOAD_FAST, i);
    co->code[nparams] = I(BUILD_TUPLE, nparams);
    co->code[nparams + 1] = I(RETURN_VALUE, 0);
    co->ncode = n;
    co->varnames = calloc((size_t)nparams + 1, sizeof *co->varnames);
    for (int i = 0; i < nparams; i++)
        co->varnames[i] = S(params[i]);
    co->nlocals = nparams;
    co->argcount = argcount;
    co->kwonlyargcount = kwonly;
    co->flags = CO_NEWLOCALS | flags;
    co->stacksize = nparams + 1;
    const char *dot = strrchr(qualname, '.');
    co->name = S(dot ? dot + 1 : qualname);
    co->qualname = S(qualname);
    co->filename = S("t.py");
    return func_new(co, globals, S(qualname));
}

static TupleObj *kwnames(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    TupleObj *t = tuple_new((size_t)n);
    for (int i = 0; i < n; i++)
        t->items[i] = V_OBJ(S(va_arg(ap, const char *)));
    va_end(ap);
    return t;
}

static TupleObj *call(FuncObj *fn, Value *args, int nargs, TupleObj *kw)
{
    Value r = obj_call(V_OBJ(fn), args, nargs, kw);
    return IS_NULL(r) ? NULL : (TupleObj *)AS_OBJ(r);
}

static const char *message(void)
{
    cr_assert(err_matches(&exc_TypeError), "expected TypeError");
    Value s = obj_str(err_peek());
    return STR_CSTR((StrObj *)AS_OBJ(s));
}

static const char *const XY[] = {"x", "y"};
static const char *const ABC[] = {"a", "b", "c"};

Test(call, positional_arguments_bind_in_order)
{
    FuncObj *f = mkfunc("f", XY, 2, 2, 0, 0);
    Value a[] = {V_INT(1), V_INT(2)};
    TupleObj *t = call(f, a, 2, NULL);
    cr_assert_eq(AS_INT(t->items[0]), 1);
    cr_assert_eq(AS_INT(t->items[1]), 2);
}

Test(call, keyword_argument_binds_by_name)
{
    FuncObj *f = mkfunc("f", XY, 2, 2, 0, 0);
    Value a[] = {V_INT(1), V_INT(2)};
    TupleObj *t = call(f, a, 0, kwnames(2, "y", "x"));
    cr_assert_eq(AS_INT(t->items[0]), 2);
    cr_assert_eq(AS_INT(t->items[1]), 1);
}

Test(call, missing_one_positional)
{
    FuncObj *f = mkfunc("f", XY, 2, 2, 0, 0);
    Value a[] = {V_INT(1)};
    cr_assert_null(call(f, a, 1, NULL));
    cr_assert_str_eq(message(),
                     "f() missing 1 required positional argument: 'y'");
}

Test(call, missing_two_and_three_positional_lists)
{
    FuncObj *f = mkfunc("f", XY, 2, 2, 0, 0);
    cr_assert_null(call(f, NULL, 0, NULL));
    cr_assert_str_eq(message(),
                     "f() missing 2 required positional arguments: 'x' and 'y'");
    err_clear();
    FuncObj *h = mkfunc("h", ABC, 3, 3, 0, 0);
    cr_assert_null(call(h, NULL, 0, NULL));
    cr_assert_str_eq(message(), "h() missing 3 required positional "
                                "arguments: 'a', 'b', and 'c'");
}

Test(call, too_many_positional)
{
    FuncObj *f = mkfunc("f", XY, 2, 2, 0, 0);
    Value a[] = {V_INT(1), V_INT(2), V_INT(3)};
    cr_assert_null(call(f, a, 3, NULL));
    cr_assert_str_eq(message(),
                     "f() takes 2 positional arguments but 3 were given");
}

Test(call, zero_parameters_one_given)
{
    FuncObj *f = mkfunc("<lambda>", NULL, 0, 0, 0, 0);
    Value a[] = {V_INT(1)};
    cr_assert_null(call(f, a, 1, NULL));
    cr_assert_str_eq(message(),
                     "<lambda>() takes 0 positional arguments but 1 was given");
}

Test(call, defaults_fill_missing_and_range_message)
{
    static const char *const P[] = {"a", "b", "k"};
    FuncObj *g = mkfunc("g", P, 3, 2, 1, 0);
    g->defaults = tuple_pack(1, V_INT(10));
    g->kwdefaults = dict_new();
    dict_set_str(g->kwdefaults, S("k"), V_INT(20));
    Value a[] = {V_INT(1)};
    TupleObj *t = call(g, a, 1, NULL);
    cr_assert_eq(AS_INT(t->items[1]), 10);
    cr_assert_eq(AS_INT(t->items[2]), 20);
    Value b[] = {V_INT(1), V_INT(2), V_INT(3)};
    cr_assert_null(call(g, b, 3, NULL));
    cr_assert_str_eq(message(),
                     "g() takes from 1 to 2 positional arguments but 3 were given");
}

Test(call, too_many_with_keyword_only_given)
{
    static const char *const P[] = {"a", "b", "k"};
    FuncObj *g = mkfunc("g", P, 3, 2, 1, 0);
    g->defaults = tuple_pack(1, V_INT(10));
    Value a[] = {V_INT(1), V_INT(2), V_INT(3), V_INT(4)};
    cr_assert_null(call(g, a, 3, kwnames(1, "k")));
    cr_assert_str_eq(message(),
                     "g() takes from 1 to 2 positional arguments but 3 "
                     "positional arguments (and 1 keyword-only argument) were "
                     "given");
}

Test(call, missing_keyword_only)
{
    static const char *const P[] = {"a", "k"};
    FuncObj *g = mkfunc("g", P, 2, 1, 1, 0);
    Value a[] = {V_INT(1)};
    cr_assert_null(call(g, a, 1, NULL));
    cr_assert_str_eq(message(),
                     "g() missing 1 required keyword-only argument: 'k'");
}

Test(call, unexpected_keyword_uses_qualname)
{
    FuncObj *f = mkfunc("C.m", XY, 2, 2, 0, 0);
    Value a[] = {V_INT(1), V_INT(2)};
    cr_assert_null(call(f, a, 1, kwnames(1, "z")));
    cr_assert_str_eq(message(), "C.m() got an unexpected keyword argument 'z'");
}

Test(call, multiple_values_for_argument)
{
    FuncObj *f = mkfunc("f", XY, 2, 2, 0, 0);
    Value a[] = {V_INT(1), V_INT(2)};
    cr_assert_null(call(f, a, 1, kwnames(1, "x")));
    cr_assert_str_eq(message(), "f() got multiple values for argument 'x'");
}

Test(call, star_args_and_star_star_kwargs_collect_extras)
{
    static const char *const P[] = {"a", "args", "kw"};
    FuncObj *f = mkfunc("f", P, 3, 1, 0, CO_VARARGS | CO_VARKEYWORDS);
    Value a[] = {V_INT(1), V_INT(2), V_INT(3), V_INT(4)};
    TupleObj *t = call(f, a, 3, kwnames(1, "z"));
    cr_assert_eq(AS_INT(t->items[0]), 1);
    TupleObj *rest = (TupleObj *)AS_OBJ(t->items[1]);
    cr_assert_eq(rest->n, 2);
    cr_assert_eq(AS_INT(rest->items[1]), 3);
    DictObj *kw = (DictObj *)AS_OBJ(t->items[2]);
    cr_assert_eq(AS_INT(dict_get_str(kw, S("z"))), 4);
}

Test(call, call_ex_spreads_tuple_and_dict)
{
    FuncObj *f = mkfunc("f", XY, 2, 2, 0, 0);
    DictObj *d = dict_new();
    dict_set_str(d, S("y"), V_INT(8));
    Value r = vm_call_ex(V_OBJ(f), V_OBJ(tuple_pack(1, V_INT(7))), V_OBJ(d));
    TupleObj *t = (TupleObj *)AS_OBJ(r);
    cr_assert_eq(AS_INT(t->items[0]), 7);
    cr_assert_eq(AS_INT(t->items[1]), 8);
}

Test(call, call_ex_rejects_non_string_keywords)
{
    FuncObj *f = mkfunc("f", XY, 2, 2, 0, 0);
    DictObj *d = dict_new();
    dict_set(d, V_INT(1), V_INT(2));
    cr_assert(IS_NULL(vm_call_ex(V_OBJ(f), V_OBJ(tuple_new(0)), V_OBJ(d))));
    cr_assert_str_eq(message(), "keywords must be strings");
}

Test(call, call_ex_star_of_non_iterable)
{
    FuncObj *f = mkfunc("f", XY, 2, 2, 0, 0);
    cr_assert(IS_NULL(vm_call_ex(V_OBJ(f), V_INT(1), V_NULL)));
    cr_assert_str_eq(message(),
                     "__main__.f() argument after * must be an iterable, not int");
}

Test(call, bound_method_prepends_self)
{
    static const char *const P[] = {"self", "a"};
    FuncObj *f = mkfunc("C.m", P, 2, 2, 0, 0);
    Value m = method_new(V_OBJ(f), V_INT(42));
    Value a[] = {V_INT(1)};
    Value r = obj_call(m, a, 1, NULL);
    TupleObj *t = (TupleObj *)AS_OBJ(r);
    cr_assert_eq(AS_INT(t->items[0]), 42);
    cr_assert_eq(AS_INT(t->items[1]), 1);
}

Test(call, depth_is_restored_after_binding_error)
{
    FuncObj *f = mkfunc("f", XY, 2, 2, 0, 0);
    call(f, NULL, 0, NULL);
    err_clear();
    cr_assert_eq(ts_current->depth, 0);
    cr_assert_null(ts_current->frame);
}
