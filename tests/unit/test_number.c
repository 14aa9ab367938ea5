/* Unit tests for runtime/number.c and runtime/floatrepr.c: arithmetic on
 * int/bool/float with CPython's results and messages, exact mixed
 * comparisons, numeric hashing, parsing, round() and float repr. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "runtime/runtime.h"
#include "unit_helpers.h"

TestSuite(number, .init = ut_setup);

Test(number, int_repr_covers_extremes_and_cache)
{
    cr_assert_str_eq(STR_CSTR(num_int_repr(0)), "0");
    cr_assert_str_eq(STR_CSTR(num_int_repr(-42)), "-42");
    cr_assert_str_eq(STR_CSTR(num_int_repr(INT64_MIN)), "-9223372036854775808");
    cr_assert_str_eq(STR_CSTR(num_int_repr(INT64_MAX)), "9223372036854775807");
    cr_assert_eq(num_int_repr(7), num_int_repr(7), "small ints are cached");
}

/* num_int_to_buf writes two digits per step: every digit count, both
 * signs, and the powers of ten where the count changes. */
Test(number, int_to_buf_matches_printf_at_every_length)
{
    char got[32], want[32];
    for (int digits = 1; digits <= 19; digits++) {
        int64_t p = 1;
        for (int k = 1; k < digits; k++)
            p *= 10;
        const int64_t cases[] = {p, p - 1, p + 1, p * 9 / 10 + 3, -p, 1 - p};
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
            int len = num_int_to_buf(cases[i], got);
            snprintf(want, sizeof want, "%lld", (long long)cases[i]);
            cr_assert_str_eq(got, want);
            cr_assert_eq(len, (int)strlen(want));
        }
    }
}

Test(number, float_repr_is_shortest_round_trip)
{
    static const struct { double d; const char *s; } cases[] = {
        {0.1, "0.1"}, {0.1 + 0.2, "0.30000000000000004"}, {1.0, "1.0"},
        {1e16, "1e+16"}, {1e15, "1000000000000000.0"}, {1e-5, "1e-05"},
        {1e-4, "0.0001"}, {123456789.0, "123456789.0"},
        {12345678901234567890.0, "1.2345678901234567e+19"},
        {-0.0, "-0.0"}, {5e-324, "5e-324"}, {1.7976931348623157e308,
        "1.7976931348623157e+308"}, {2.5e-10, "2.5e-10"}, {-2.75, "-2.75"},
        {9999999999999998.0, "9999999999999998.0"}, {1e22, "1e+22"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        cr_assert_str_eq(STR_CSTR(num_float_repr(cases[i].d)), cases[i].s);
    cr_assert_str_eq(STR_CSTR(num_float_repr(INFINITY)), "inf");
    cr_assert_str_eq(STR_CSTR(num_float_repr(-INFINITY)), "-inf");
    cr_assert_str_eq(STR_CSTR(num_float_repr(NAN)), "nan");
}

Test(number, int_overflow_raises)
{
    expect_error(num_binop(V_INT(INT64_MAX), V_INT(1), BOP_ADD),
                 &exc_OverflowError, "integer overflow");
    expect_error(num_binop(V_INT(INT64_MIN), V_INT(1), BOP_SUB),
                 &exc_OverflowError, "integer overflow");
    expect_error(num_binop(V_INT(3037000500), V_INT(3037000500), BOP_MUL),
                 &exc_OverflowError, "integer overflow");
    expect_error(num_binop(V_INT(2), V_INT(63), BOP_POW), &exc_OverflowError,
                 "integer overflow");
    expect_error(num_binop(V_INT(INT64_MIN), V_INT(-1), BOP_FLOORDIV),
                 &exc_OverflowError, "integer overflow");
    expect_error(num_unop(V_INT(INT64_MIN), UOP_NEG), &exc_OverflowError,
                 "integer overflow");
    Value r = num_binop(V_INT(3037000499), V_INT(3037000499), BOP_MUL);
    cr_assert_eq(AS_INT(r), 9223372030926249001LL);
    cr_assert_eq(AS_INT(num_binop(V_INT(2), V_INT(62), BOP_POW)),
                 (int64_t)1 << 62);
}

Test(number, floor_division_and_modulo_round_down)
{
    cr_assert_eq(AS_INT(num_binop(V_INT(-7), V_INT(2), BOP_FLOORDIV)), -4);
    cr_assert_eq(AS_INT(num_binop(V_INT(-7), V_INT(2), BOP_MOD)), 1);
    cr_assert_eq(AS_INT(num_binop(V_INT(7), V_INT(-2), BOP_MOD)), -1);
    cr_assert_eq(AS_INT(num_binop(V_INT(INT64_MIN), V_INT(-1), BOP_MOD)), 0);
    cr_assert_eq(AS_FLOAT(num_binop(V_FLOAT(-7.5), V_INT(2), BOP_MOD)), 0.5);
    cr_assert_eq(AS_FLOAT(num_binop(V_FLOAT(-7.5), V_INT(2), BOP_FLOORDIV)),
                 -4.0);
    Value d = num_divmod(V_FLOAT(-7.5), V_INT(2));
    cr_assert_str_eq(repr_of(d), "(-4.0, 0.5)");
}

Test(number, zero_division_messages)
{
    expect_error(num_binop(V_INT(1), V_INT(0), BOP_TRUEDIV),
                 &exc_ZeroDivisionError, "division by zero");
    expect_error(num_binop(V_INT(1), V_INT(0), BOP_FLOORDIV),
                 &exc_ZeroDivisionError, "integer division or modulo by zero");
    expect_error(num_binop(V_INT(1), V_INT(0), BOP_MOD),
                 &exc_ZeroDivisionError, "integer modulo by zero");
    expect_error(num_binop(V_FLOAT(1), V_INT(0), BOP_TRUEDIV),
                 &exc_ZeroDivisionError, "float division by zero");
    expect_error(num_binop(V_FLOAT(1), V_INT(0), BOP_FLOORDIV),
                 &exc_ZeroDivisionError, "float floor division by zero");
    expect_error(num_binop(V_FLOAT(1), V_FLOAT(-0.0), BOP_MOD),
                 &exc_ZeroDivisionError, "float modulo");
    expect_error(num_binop(V_INT(0), V_INT(-1), BOP_POW),
                 &exc_ZeroDivisionError,
                 "0.0 cannot be raised to a negative power");
    expect_error(num_divmod(V_FLOAT(1), V_INT(0)), &exc_ZeroDivisionError,
                 "float divmod()");
}

Test(number, power_and_true_division_give_floats)
{
    Value r = num_binop(V_INT(2), V_INT(-1), BOP_POW);
    cr_assert(IS_FLOAT(r));
    cr_assert_eq(AS_FLOAT(r), 0.5);
    r = num_binop(V_INT(6), V_INT(3), BOP_TRUEDIV);
    cr_assert(IS_FLOAT(r) && AS_FLOAT(r) == 2.0);
    r = num_binop(V_INT(INT64_MAX), V_INT(3), BOP_TRUEDIV);
    cr_assert_str_eq(repr_of(r), "3.0744573456182584e+18");
    expect_error(num_binop(V_FLOAT(10.0), V_INT(400), BOP_POW),
                 &exc_OverflowError, "(34, 'Numerical result out of range')");
}

Test(number, shifts_check_count_and_overflow)
{
    expect_error(num_binop(V_INT(1), V_INT(-1), BOP_LSHIFT), &exc_ValueError,
                 "negative shift count");
    expect_error(num_binop(V_INT(1), V_INT(63), BOP_LSHIFT),
                 &exc_OverflowError, "integer overflow");
    cr_assert_eq(AS_INT(num_binop(V_INT(1), V_INT(62), BOP_LSHIFT)),
                 (int64_t)1 << 62);
    cr_assert_eq(AS_INT(num_binop(V_INT(-5), V_INT(100), BOP_RSHIFT)), -1);
    cr_assert_eq(AS_INT(num_binop(V_INT(0), V_INT(1000), BOP_LSHIFT)), 0);
}

Test(number, bool_bitwise_stays_bool)
{
    Value r = num_binop(V_TRUE, V_FALSE, BOP_OR);
    cr_assert(IS_BOOL(r) && AS_BOOL(r));
    r = num_binop(V_TRUE, V_INT(2), BOP_OR);
    cr_assert(IS_INT(r) && AS_INT(r) == 3);
    r = num_binop(V_TRUE, V_TRUE, BOP_ADD);
    cr_assert(IS_INT(r) && AS_INT(r) == 2);
    cr_assert_eq(AS_INT(num_unop(V_TRUE, UOP_INVERT)), -2);
    cr_assert(IS_INT(num_unop(V_TRUE, UOP_POS)));
    cr_assert_str_eq(repr_of(V_TRUE), "True");
}

Test(number, mixed_comparisons_are_exact)
{
    int64_t big = ((int64_t)1 << 53) + 1;
    double f = 9007199254740992.0; /* 2**53, the nearest double */
    cr_assert(!AS_BOOL(num_richcmp(V_INT(big), V_FLOAT(f), CMP_EQ)));
    cr_assert(AS_BOOL(num_richcmp(V_INT(big), V_FLOAT(f), CMP_GT)));
    cr_assert(AS_BOOL(num_richcmp(V_FLOAT(f), V_INT(big), CMP_LT)));
    cr_assert(AS_BOOL(num_richcmp(V_INT(INT64_MAX), V_FLOAT(9.3e18), CMP_LT)));
    cr_assert(AS_BOOL(num_richcmp(V_INT(1), V_FLOAT(1.0), CMP_EQ)));
    cr_assert(AS_BOOL(num_richcmp(V_INT(1), V_FLOAT(1.5), CMP_LT)));
    cr_assert(AS_BOOL(num_richcmp(V_INT(-2), V_FLOAT(-1.5), CMP_LT)));
    cr_assert(AS_BOOL(num_richcmp(V_INT(1), V_FLOAT(NAN), CMP_NE)));
    cr_assert(!AS_BOOL(num_richcmp(V_INT(1), V_FLOAT(NAN), CMP_LE)));
    cr_assert(AS_BOOL(num_richcmp(V_TRUE, V_FLOAT(1.0), CMP_EQ)));
    cr_assert(IS_NOTIMPL(num_richcmp(V_INT(1), S("1"), CMP_EQ)));
}

Test(number, hashes_match_cpython)
{
    cr_assert_eq(num_hash_int(-1), -2);
    cr_assert_eq(num_hash_int((int64_t)1 << 62), 2);
    cr_assert_eq(num_hash_float(1.0), 1);
    cr_assert_eq(num_hash_float(0.1), 230584300921369408LL);
    cr_assert_eq(num_hash_float(1e100), 1822893315824342674LL);
    cr_assert_eq(num_hash_float(-0.5), -1152921504606846976LL);
    cr_assert_eq(num_hash_float(1e15), num_hash_int(1000000000000000LL));
    cr_assert_eq(num_hash_float(INFINITY), 314159);
    int64_t h1, h2;
    cr_assert_eq(obj_hash(V_TRUE, &h1), 0);
    cr_assert_eq(obj_hash(V_FLOAT(1.0), &h2), 0);
    cr_assert_eq(h1, h2);
}

Test(number, int_parsing)
{
    cr_assert_eq(AS_INT(num_int_from_value(S(" 1_0 "), -1)), 10);
    cr_assert_eq(AS_INT(num_int_from_value(S("0x10"), 16)), 16);
    cr_assert_eq(AS_INT(num_int_from_value(S("-0b101"), 0)), -5);
    cr_assert_eq(AS_INT(num_int_from_value(S("0b1"), 16)), 0xb1);
    cr_assert_eq(AS_INT(num_int_from_value(S("-9223372036854775808"), 10)),
                 INT64_MIN);
    expect_error(num_int_from_value(S("x"), -1), &exc_ValueError,
                 "invalid literal for int() with base 10: 'x'");
    expect_error(num_int_from_value(S("010"), 0), &exc_ValueError,
                 "invalid literal for int() with base 0: '010'");
    expect_error(num_int_from_value(S("1__0"), 10), &exc_ValueError,
                 "invalid literal for int() with base 10: '1__0'");
    expect_error(num_int_from_value(S("9223372036854775808"), 10),
                 &exc_OverflowError, "integer overflow");
    expect_error(num_int_from_value(V_FLOAT(1.5), 10), &exc_TypeError,
                 "int() can't convert non-string with explicit base");
}

Test(number, int_from_float)
{
    cr_assert_eq(AS_INT(num_int_from_value(V_FLOAT(-3.9), -1)), -3);
    expect_error(num_int_from_value(V_FLOAT(NAN), -1), &exc_ValueError,
                 "cannot convert float NaN to integer");
    expect_error(num_int_from_value(V_FLOAT(-INFINITY), -1),
                 &exc_OverflowError, "cannot convert float infinity to integer");
    expect_error(num_int_from_value(V_FLOAT(1e19), -1), &exc_OverflowError,
                 "integer overflow");
}

Test(number, float_parsing)
{
    cr_assert_eq(AS_FLOAT(num_float_from_value(S(" 1_0.5 "))), 10.5);
    cr_assert_eq(AS_FLOAT(num_float_from_value(S("-Infinity"))), -INFINITY);
    cr_assert(isnan(AS_FLOAT(num_float_from_value(S("nan")))));
    cr_assert_eq(AS_FLOAT(num_float_from_value(S(".5"))), 0.5);
    cr_assert_eq(AS_FLOAT(num_float_from_value(S("1e1_0"))), 1e10);
    expect_error(num_float_from_value(S("x")), &exc_ValueError,
                 "could not convert string to float: 'x'");
    expect_error(num_float_from_value(S("0x10")), &exc_ValueError,
                 "could not convert string to float: '0x10'");
    expect_error(num_float_from_value(S("1_")), &exc_ValueError,
                 "could not convert string to float: '1_'");
}

Test(number, round_is_bankers_and_exact)
{
    cr_assert_eq(AS_INT(num_round(V_FLOAT(2.5), V_NULL)), 2);
    cr_assert_eq(AS_INT(num_round(V_FLOAT(3.5), V_NONE)), 4);
    cr_assert_eq(AS_INT(num_round(V_FLOAT(-0.5), V_NULL)), 0);
    cr_assert_str_eq(repr_of(num_round(V_FLOAT(2.675), V_INT(2))), "2.67");
    cr_assert_str_eq(repr_of(num_round(V_FLOAT(1234.5), V_INT(-2))), "1200.0");
    cr_assert_str_eq(repr_of(num_round(V_FLOAT(0.125), V_INT(2))), "0.12");
    cr_assert_str_eq(repr_of(num_round(V_FLOAT(1e300), V_INT(-400))), "0.0");
    cr_assert_eq(AS_INT(num_round(V_INT(1250), V_INT(-2))), 1200);
    cr_assert_eq(AS_INT(num_round(V_INT(1350), V_INT(-2))), 1400);
    cr_assert_eq(AS_INT(num_round(V_INT(-1250), V_INT(-2))), -1200);
    expect_error(num_round(V_FLOAT(INFINITY), V_NULL), &exc_OverflowError,
                 "cannot convert float infinity to integer");
}

Test(number, three_argument_pow)
{
    cr_assert_eq(AS_INT(num_pow(V_INT(2), V_INT(10), V_INT(1000))), 24);
    cr_assert_eq(AS_INT(num_pow(V_INT(2), V_INT(-1), V_INT(5))), 3);
    cr_assert_eq(AS_INT(num_pow(V_INT(3), V_INT(3), V_INT(-5))), -3);
    expect_error(num_pow(V_INT(2), V_INT(3), V_INT(0)), &exc_ValueError,
                 "pow() 3rd argument cannot be 0");
    expect_error(num_pow(V_INT(2), V_INT(-1), V_INT(4)), &exc_ValueError,
                 "base is not invertible for the given modulus");
    expect_error(num_pow(V_FLOAT(2), V_INT(3), V_INT(5)), &exc_TypeError,
                 "pow() 3rd argument not allowed unless all arguments are "
                 "integers");
}

Test(number, constructors_through_types)
{
    Value args[2] = {S("ff"), V_INT(16)};
    Value r = obj_call(V_OBJ(&int_type), args, 2, NULL);
    cr_assert(IS_INT(r) && AS_INT(r) == 255);
    r = obj_call(V_OBJ(&float_type), args, 0, NULL);
    cr_assert(IS_FLOAT(r) && AS_FLOAT(r) == 0.0);
    Value one = S("");
    r = obj_call(V_OBJ(&bool_type), &one, 1, NULL);
    cr_assert(IS_BOOL(r) && !AS_BOOL(r));
}

Test(number, methods)
{
    Value r = obj_call_method(V_INT(255), "bit_length", NULL, 0);
    cr_assert_eq(AS_INT(r), 8);
    r = obj_call_method(V_FLOAT(2.0), "is_integer", NULL, 0);
    cr_assert(IS_BOOL(r) && AS_BOOL(r));
    r = obj_call_method(V_FLOAT(0.75), "as_integer_ratio", NULL, 0);
    cr_assert_str_eq(repr_of(r), "(3, 4)");
    Value a[3] = {V_INT(2), S("big"), V_TRUE};
    r = obj_call_method(V_INT(-255), "to_bytes", a, 2);
    cr_assert(IS_NULL(r)); /* unsigned by default */
    err_clear();
}

/* int(str) takes a shortcut for up to 18 plain digits; longer runs,
 * whitespace, signs and underscores take the general parser, and both
 * agree at the boundary. */
Test(number, int_from_str_fast_and_general_paths_agree)
{
    char buf[32];
    Value r;
    for (int digits = 1; digits <= 19; digits++) {
        /* 19 nines overflow int64: 19 ones take the general path */
        memset(buf, digits < 19 ? '9' : '1', (size_t)digits);
        buf[digits] = '\0';
        Value v = num_int_from_value(S(buf), -1);
        cr_assert(IS_INT(v));
        int64_t want = 0;
        for (int k = 0; k < digits; k++)
            want = want * 10 + (digits < 19 ? 9 : 1);
        cr_assert_eq(AS_INT(v), want, "%s", buf);
    }
    cr_assert_eq(AS_INT(num_int_from_value(S("000000000000000042"), -1)), 42);
    cr_assert_eq(AS_INT(num_int_from_value(S(" 42"), -1)), 42);
    cr_assert_eq(AS_INT(num_int_from_value(S("-42"), -1)), -42);
    cr_assert_eq(AS_INT(num_int_from_value(S("4_2"), -1)), 42);
    cr_assert_eq(AS_INT(num_int_from_value(S("9223372036854775807"), -1)),
                 INT64_MAX);
    r = num_int_from_value(S("9999999999999999999"), -1);
    cr_assert(IS_NULL(r));
    cr_assert_eq(val_type(err_fetch()), &exc_OverflowError);
    r = num_int_from_value(S("12345678901234567x"), -1);
    expect_error(r, &exc_ValueError,
                 "invalid literal for int() with base 10: '12345678901234567x'");
    r = num_int_from_value(S(""), -1);
    expect_error(r, &exc_ValueError, "invalid literal for int() with base 10: ''");
    /* base 16 digits are not decimal: the shortcut is base 10 only */
    cr_assert_eq(AS_INT(num_int_from_value(S("10"), 16)), 16);
}

Test(number, str_of_int_is_ascii_and_exact)
{
    Value r = obj_call(V_OBJ(&str_type), (Value[]){V_INT(-1234567)}, 1, NULL);
    StrObj *s = (StrObj *)AS_OBJ(r);
    cr_assert_str_eq(STR_CSTR(s), "-1234567");
    cr_assert_eq(s->nchars, 8);
    cr_assert(s->ascii);
    r = obj_call(V_OBJ(&str_type), (Value[]){V_TRUE}, 1, NULL);
    cr_assert_str_eq(STR_CSTR((StrObj *)AS_OBJ(r)), "True");
}
