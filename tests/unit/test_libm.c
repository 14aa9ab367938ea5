/* Unit tests for runtime/libm.c: its exact functions return what glibc's
 * libm returns, bit for bit (NaNs included), over special values and
 * millions of random ones; pow and log1p are libm's own. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "runtime/libm.h"

static uint64_t bits(double d)
{
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return u;
}

static double from_bits(uint64_t u)
{
    double d;
    memcpy(&d, &u, sizeof d);
    return d;
}

/* xorshift64*: the same values on every run. */
static uint64_t rng_state = 0x9e3779b97f4a7c15u;
static uint64_t rnd(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545f4914f6cdd1du;
}

/* A double from random bits, biased towards the interesting places: any
 * pattern, a small exponent range, subnormals, or an integer near a half. */
static double rnd_double(void)
{
    uint64_t u = rnd();
    switch (u & 3) {
    case 0:
        return from_bits(rnd());
    case 1: /* exponent near 0x3ff: |x| from 2**-20 to 2**20 */
        return from_bits((rnd() & 0x800fffffffffffffu) |
                         (uint64_t)(0x3ff - 20 + (u >> 8) % 41) << 52);
    case 2: /* subnormal or barely normal */
        return from_bits(rnd() & 0x801fffffffffffffu);
    default: /* k/2 for k up to 2**54: halves, and integers either side */
        return (double)(int64_t)((rnd() >> 10) - (1ull << 53)) / 2.0;
    }
}

static const double specials[] = {
    0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 2.5, -2.5, 0.49999999999999994,
    4503599627370495.5, 4503599627370496.0, 9007199254740993.0, 1e308,
    -1e308, 0x1p-1022, 0x1p-1074, -0x1p-1074, 0x1.fffffffffffffp-1023,
    0x1.fffffffffffffp1023, INFINITY, -INFINITY, NAN, -NAN, 3.0, 7.0, 0.1,
};
#define NSPECIAL (sizeof specials / sizeof specials[0])
#define ROUNDS 500000

/* Equal bits, or an assertion naming the arguments. */
#define SAME(got, want, fmt, ...)                                           \
    cr_assert_eq(bits(got), bits(want), fmt ": %a, libm %a", __VA_ARGS__,  \
                 got, want)

static void check_frexp(double x)
{
    int e1 = 12345, e2 = 54321;
    double m1 = libm_frexp(x, &e1), m2 = frexp(x, &e2);
    SAME(m1, m2, "frexp(%a)", x);
    cr_assert_eq(e1, e2, "frexp(%a) exponent %d, libm %d", x, e1, e2);
}

Test(libm, frexp_is_glibcs)
{
    for (size_t i = 0; i < NSPECIAL; i++)
        check_frexp(specials[i]);
    for (int i = 0; i < ROUNDS; i++)
        check_frexp(rnd_double());
}

static void check_ldexp(double x, int e)
{
    SAME(libm_ldexp(x, e), ldexp(x, e), "ldexp(%a, %d)", x, e);
}

Test(libm, ldexp_is_glibcs)
{
    static const int exps[] = {0, 1, -1, 52, -52, 1023, -1022, -1074,
                               -1075, 1024, 2046, -2098, 5000, -5000,
                               INT32_MAX, INT32_MIN};
    for (size_t i = 0; i < NSPECIAL; i++)
        for (size_t j = 0; j < sizeof exps / sizeof exps[0]; j++)
            check_ldexp(specials[i], exps[j]);
    for (int i = 0; i < ROUNDS; i++)
        check_ldexp(rnd_double(), (int)(rnd() % 4400) - 2200);
}

static void check_fmod(double x, double y)
{
    SAME(libm_fmod(x, y), fmod(x, y), "fmod(%a, %a)", x, y);
}

Test(libm, fmod_is_glibcs)
{
    for (size_t i = 0; i < NSPECIAL; i++)
        for (size_t j = 0; j < NSPECIAL; j++)
            check_fmod(specials[i], specials[j]);
    for (int i = 0; i < ROUNDS; i++) {
        double x = rnd_double(), y = rnd_double();
        check_fmod(x, y);
        check_fmod(y, x);
        /* Exponents a few apart: the usual case in divmod. */
        check_fmod(x, libm_ldexp(x, -(int)(rnd() % 60)) * 1.0000001);
    }
}

static void check_nearbyint(double x)
{
    SAME(libm_nearbyint(x), nearbyint(x), "nearbyint(%a)", x);
}

Test(libm, nearbyint_is_glibcs)
{
    for (size_t i = 0; i < NSPECIAL; i++)
        check_nearbyint(specials[i]);
    for (int i = 0; i < ROUNDS; i++)
        check_nearbyint(rnd_double());
}

Test(libm, pow_and_log1p_are_libms)
{
    for (int i = 0; i < 100000; i++) {
        double x = rnd_double(), y = rnd_double();
        SAME(libm_pow(x, y), pow(x, y), "pow(%a, %a)", x, y);
        SAME(libm_log1p(x), log1p(x), "log1p(%a)", x);
    }
    SAME(libm_pow(10.0, -3.0), pow(10.0, -3.0), "pow(%a, %a)", 10.0, -3.0);
}
