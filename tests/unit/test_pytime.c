/* test_pytime.c - time arguments through 64-bit nanoseconds, with
 * CPython's errors at CPython's limits and its two roundings. */
#include <criterion/criterion.h>
#include <math.h>

#include "runtime/runtime.h"
#include "stdlib/pytime.h"
#include "unit_helpers.h"

TestSuite(pytime, .init = ut_setup);

Test(pytime, ints_are_exact)
{
    int64_t ns = 0;
    cr_assert_eq(pt_from_object(V_INT(3), PT_SECONDS, PT_TIMEOUT, &ns), 0);
    cr_assert_eq(ns, 3000000000LL);
    cr_assert_eq(pt_from_object(V_INT(-7), PT_MILLISECONDS, PT_CEILING, &ns), 0);
    cr_assert_eq(ns, -7000000LL);
    /* the largest whole second that fits, and the first that does not */
    cr_assert_eq(pt_from_object(V_INT(9223372036LL), PT_SECONDS, PT_TIMEOUT, &ns), 0);
    cr_assert_eq(ns, 9223372036000000000LL);
    cr_assert_eq(pt_from_object(V_INT(9223372037LL), PT_SECONDS, PT_TIMEOUT, &ns), -1);
    cr_assert_str_eq(raised(&exc_OverflowError),
                     "timestamp too large to convert to C _PyTime_t");
    cr_assert_eq(pt_from_object(V_INT(-9223372037LL), PT_SECONDS, PT_TIMEOUT, &ns), -1);
    cr_assert_str_eq(raised(&exc_OverflowError),
                     "timestamp too large to convert to C _PyTime_t");
}

Test(pytime, floats_round_as_asked)
{
    int64_t ns = 0;
    /* 1e-10 s is 0.1 ns: up for both roundings */
    cr_assert_eq(pt_from_double(1e-10, PT_SECONDS, PT_TIMEOUT, &ns), 0);
    cr_assert_eq(ns, 1);
    cr_assert_eq(pt_from_double(1e-10, PT_SECONDS, PT_CEILING, &ns), 0);
    cr_assert_eq(ns, 1);
    /* negative: ceiling goes toward zero, timeout away from it */
    cr_assert_eq(pt_from_double(-1e-10, PT_SECONDS, PT_CEILING, &ns), 0);
    cr_assert_eq(ns, 0);
    cr_assert_eq(pt_from_double(-1e-10, PT_SECONDS, PT_TIMEOUT, &ns), 0);
    cr_assert_eq(ns, -1);
    cr_assert_eq(pt_from_double(2.5, PT_MILLISECONDS, PT_TIMEOUT, &ns), 0);
    cr_assert_eq(ns, 2500000);
}

Test(pytime, float_range_and_nan)
{
    int64_t ns = 0;
    cr_assert_eq(pt_from_double(9.2e9, PT_SECONDS, PT_TIMEOUT, &ns), 0);
    cr_assert_eq(ns, 9200000000000000000LL);
    const double bad[] = {9.3e9, -9.3e9, INFINITY, -INFINITY};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cr_assert_eq(pt_from_double(bad[i], PT_SECONDS, PT_TIMEOUT, &ns), -1);
        cr_assert_str_eq(raised(&exc_OverflowError),
                         "timestamp out of range for platform time_t");
    }
    /* -2^63 ns itself is in range, +2^63 is not */
    cr_assert_eq(pt_from_double(-9223372036.854775808, PT_SECONDS, PT_CEILING, &ns), 0);
    cr_assert_eq(ns, INT64_MIN);
    cr_assert_eq(pt_from_double(NAN, PT_SECONDS, PT_TIMEOUT, &ns), -1);
    cr_assert_str_eq(raised(&exc_ValueError), "Invalid value NaN (not a number)");
}

Test(pytime, other_types_are_type_errors)
{
    int64_t ns = 0;
    cr_assert_eq(pt_from_object(V_NONE, PT_SECONDS, PT_TIMEOUT, &ns), -1);
    cr_assert_str_eq(raised(&exc_TypeError),
                     "'NoneType' object cannot be interpreted as an integer");
    cr_assert_eq(pt_from_object(V_TRUE, PT_SECONDS, PT_TIMEOUT, &ns), 0);
    cr_assert_eq(ns, 1000000000LL);
}

Test(pytime, divide_rounds)
{
    cr_assert_eq(pt_divide(1500, 1000, PT_CEILING), 2);
    cr_assert_eq(pt_divide(1500, 1000, PT_TIMEOUT), 2);
    cr_assert_eq(pt_divide(-1500, 1000, PT_CEILING), -1);
    cr_assert_eq(pt_divide(-1500, 1000, PT_TIMEOUT), -2);
    cr_assert_eq(pt_divide(-2000, 1000, PT_TIMEOUT), -2);
    cr_assert_eq(pt_divide(0, 1000, PT_TIMEOUT), 0);
    cr_assert_eq(pt_divide(INT64_MAX, 1000, PT_TIMEOUT), INT64_MAX / 1000 + 1);
    cr_assert(fabs(pt_seconds(1500000000) - 1.5) == 0);
}
