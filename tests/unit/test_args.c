/* test_args.c - argument checking with CPython's messages. */
#include <criterion/criterion.h>

#include "runtime/runtime.h"
#include "unit_helpers.h"

TestSuite(args, .init = ut_setup);

static Value sv(const char *s)
{
    return V_OBJ(str_intern_cstr(s));
}

Test(args, count_messages)
{
    cr_assert_eq(args_count("len", 1, 1, 1), 0);
    cr_assert_eq(args_count("len", 0, 1, 1), -1);
    cr_assert_str_eq(raised(&exc_TypeError),
                     "len() takes exactly one argument (0 given)");
    args_count("f", 1, 0, 0);
    cr_assert_str_eq(raised(&exc_TypeError),
                     "f() takes no arguments (1 given)");
    args_count("getattr", 1, 2, 3);
    cr_assert_str_eq(raised(&exc_TypeError),
                     "getattr expected at least 2 arguments, got 1");
    args_count("pop", 2, 0, 1);
    cr_assert_str_eq(raised(&exc_TypeError),
                     "pop expected at most 1 argument, got 2");
    args_count("divmod", 1, 2, 2);
    cr_assert_str_eq(raised(&exc_TypeError),
                     "divmod expected 2 arguments, got 1");
    cr_assert_eq(args_count("max", 9, 1, -1), 0);
}

Test(args, no_keywords)
{
    cr_assert_eq(args_no_kw("f", NULL), 0);
    cr_assert_eq(args_no_kw("f", tuple_new(0)), 0);
    cr_assert_eq(args_no_kw("list.append", tuple_pack(1, sv("x"))), -1);
    cr_assert_str_eq(raised(&exc_TypeError),
                     "list.append() takes no keyword arguments");
}

/* def f(a, b, c=1, *, d=None, e=2): three positional parameters, the
 * first two required. */
static const char *const fnames[] = {"a", "b", "c", "d", "e"};

static int bind_f(Value *args, int nargs, TupleObj *kw, Value *out)
{
    return args_bind("f", args, nargs, kw, fnames, 5, 3, 2, out);
}

Test(args, bind_positional_and_keywords)
{
    Value out[5];
    Value args[3] = {V_INT(1), V_INT(2), V_INT(9)};
    TupleObj *kw = tuple_pack(1, sv("e"));
    cr_assert_eq(bind_f(args, 2, kw, out), 0);
    cr_assert_eq(AS_INT(out[0]), 1);
    cr_assert_eq(AS_INT(out[1]), 2);
    cr_assert(IS_NULL(out[2]));
    cr_assert(IS_NULL(out[3]));
    cr_assert_eq(AS_INT(out[4]), 9);
}

Test(args, bind_messages)
{
    Value out[5];
    Value args[5] = {V_INT(1), V_INT(2), V_INT(3), V_INT(4), V_INT(5)};
    bind_f(args, 0, NULL, out);
    cr_assert_str_eq(raised(&exc_TypeError),
                     "f() missing 2 required positional arguments: 'a' and "
                     "'b'");
    bind_f(args, 1, NULL, out);
    cr_assert_str_eq(raised(&exc_TypeError),
                     "f() missing 1 required positional argument: 'b'");
    bind_f(args, 4, NULL, out);
    cr_assert_str_eq(raised(&exc_TypeError),
                     "f() takes from 2 to 3 positional arguments but 4 were "
                     "given");
    bind_f(args, 2, tuple_pack(1, sv("z")), out);
    cr_assert_str_eq(raised(&exc_TypeError),
                     "f() got an unexpected keyword argument 'z'");
    bind_f(args, 2, tuple_pack(1, sv("a")), out);
    cr_assert_str_eq(raised(&exc_TypeError),
                     "f() got multiple values for argument 'a'");
}

Test(args, bind_keyword_only_missing)
{
    static const char *const names[] = {"a", "b", "c"};
    Value out[3];
    args_bind("m", NULL, 0, NULL, names, 3, 0, 3, out);
    cr_assert_str_eq(raised(&exc_TypeError),
                     "m() missing 3 required keyword-only arguments: 'a', "
                     "'b', and 'c'");
    Value one = V_INT(1);
    args_bind("m", &one, 1, NULL, names, 3, 0, 3, out);
    cr_assert_str_eq(raised(&exc_TypeError),
                     "m() takes 0 positional arguments but 1 was given");
}

Test(args, int_conversion)
{
    int i;
    int64_t l;
    cr_assert_eq(args_int(V_INT(7), &i), 0);
    cr_assert_eq(i, 7);
    cr_assert_eq(args_int(V_TRUE, &i), 0);
    cr_assert_eq(i, 1);
    cr_assert_eq(args_int(V_INT(1LL << 40), &i), -1);
    cr_assert_str_eq(raised(&exc_OverflowError),
                     "Python int too large to convert to C int");
    cr_assert_eq(args_int64(V_FLOAT(1.5), &l), -1);
    cr_assert_str_eq(raised(&exc_TypeError),
                     "'float' object cannot be interpreted as an integer");
    cr_assert_eq(args_int64(sv("x"), &l), -1);
    cr_assert_str_eq(raised(&exc_TypeError),
                     "'str' object cannot be interpreted as an integer");
}

Test(args, double_and_str_conversion)
{
    double d;
    StrObj *s;
    cr_assert_eq(args_double(V_INT(2), &d), 0);
    cr_assert_float_eq(d, 2.0, 0);
    cr_assert_eq(args_double(sv("x"), &d), -1);
    cr_assert_str_eq(raised(&exc_TypeError), "must be real number, not str");
    cr_assert_eq(args_str("ord", 1, sv("a"), &s), 0);
    cr_assert_eq(args_str("setattr", 2, V_INT(1), &s), -1);
    cr_assert_str_eq(raised(&exc_TypeError),
                     "setattr() argument 2 must be str, not int");
}
