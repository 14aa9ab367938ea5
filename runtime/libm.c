/* libm.c - exact math functions, and libm's pow and log1p loaded on
 * first use (see libm.h). */
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "libm.h"

#define LM_SIGN 0x8000000000000000u
#define LM_MANT 0x000fffffffffffffu
#define LM_HIDDEN 0x0010000000000000u

static uint64_t lm_bits(double d)
{
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return u;
}

static double lm_double(uint64_t u)
{
    double d;
    memcpy(&d, &u, sizeof d);
    return d;
}

static int lm_exponent(uint64_t u)
{
    return (int)(u >> 52 & 0x7ff);
}

double libm_frexp(double x, int *exp)
{
    uint64_t u = lm_bits(x);
    int e = lm_exponent(u);
    *exp = 0;
    if (e == 0x7ff || (u << 1) == 0)
        return x + x; /* as glibc: a NaN comes back quiet */
    if (e == 0) {
        /* Subnormal: make it normal first (exact). */
        double m = libm_frexp(x * 0x1p64, exp);
        *exp -= 64;
        return m;
    }
    *exp = e - 0x3fe;
    return lm_double((u & (LM_SIGN | LM_MANT)) | (uint64_t)0x3fe << 52);
}

/* x * 2**exp, rounded once.  Out of the normal range the scaling is done
 * in steps that stay exact, and the last step into the subnormal range
 * goes from below 2**-1022 * 2**53 so that it rounds only once. */
double libm_ldexp(double x, int exp)
{
    if (exp > 1023) {
        x *= 0x1p1023;
        exp -= 1023;
        if (exp > 1023) {
            x *= 0x1p1023;
            exp -= 1023;
            if (exp > 1023)
                exp = 1023;
        }
    } else if (exp < -1022) {
        x *= 0x1p-1022 * 0x1p53;
        exp += 1022 - 53;
        if (exp < -1022) {
            x *= 0x1p-1022 * 0x1p53;
            exp += 1022 - 53;
            if (exp < -1022)
                exp = -1022;
        }
    }
    return x * lm_double((uint64_t)(0x3ff + exp) << 52);
}

/* The significand of a finite nonzero |x| with the hidden bit made
 * explicit, and its exponent, so that |x| = m * 2**(e - 1075) with
 * m < 2**53 (a subnormal's m is shifted up to have bit 52 set). */
static uint64_t lm_unpack(uint64_t u, int *e)
{
    *e = lm_exponent(u);
    uint64_t m = u & LM_MANT;
    if (*e != 0)
        return m | LM_HIDDEN;
    *e = 1;
    while (!(m & LM_HIDDEN)) {
        m <<= 1;
        (*e)--;
    }
    return m;
}

/* x - n*y with n = trunc(x/y), exact: long division of the significands
 * one bit at a time, as glibc's generic fmod does. */
double libm_fmod(double x, double y)
{
    uint64_t ux = lm_bits(x), uy = lm_bits(y);
    if ((uy << 1) == 0 || lm_exponent(ux) == 0x7ff ||
        (uy << 1) > (uint64_t)0x7ff << 53)
        return (x * y) / (x * y); /* y zero or NaN, x infinite or NaN */
    if ((ux << 1) <= (uy << 1))
        return (ux << 1) == (uy << 1) ? 0 * x : x;
    int ex, ey;
    uint64_t mx = lm_unpack(ux, &ex), my = lm_unpack(uy, &ey);
    for (; ex > ey; ex--) {
        if (mx >= my)
            mx -= my;
        mx <<= 1;
    }
    if (mx >= my)
        mx -= my;
    if (mx == 0)
        return 0 * x;
    while (!(mx & LM_HIDDEN)) {
        mx <<= 1;
        ex--;
    }
    uint64_t r = ex > 0 ? (mx - LM_HIDDEN) | (uint64_t)ex << 52
                        : mx >> (1 - ex);
    return lm_double(r | (ux & LM_SIGN));
}

double libm_nearbyint(double x)
{
    uint64_t u = lm_bits(x);
    int e = lm_exponent(u);
    if (e == 0x7ff)
        return x + x;
    if (e >= 0x3ff + 52)
        return x; /* from 2**52 up every double is an integer */
    /* Adding 2**52 leaves no bit below the units, so the addition itself
     * rounds (half to even); subtracting it again is exact.  The sign is
     * put back so that -0.4 gives -0.0, as glibc's does. */
    double a = lm_double(u & ~LM_SIGN);
    double r = (a + 0x1p52) - 0x1p52;
    return lm_double(lm_bits(r) | (u & LM_SIGN));
}

/* ------------------------------------------------------------------ */
/* pow and log1p from the system libm                                  */

#ifdef LIBM_SONAME
#include <dlfcn.h>

/* Looked up once; any thread may race to do it, and each finds the same
 * address.  Release/acquire: a thread that sees the pointer sees a loaded
 * library behind it. */
static double (*_Atomic lm_pow_fn)(double, double);
static double (*_Atomic lm_log1p_fn)(double);

static void *lm_lookup(const char *name)
{
    void *lib = dlopen(LIBM_SONAME, RTLD_NOW | RTLD_LOCAL);
    void *sym = lib ? dlsym(lib, name) : NULL;
    if (sym == NULL) {
        const char *why = dlerror();
        fprintf(stderr, "sigvm: cannot load %s from %s: %s\n", name,
                LIBM_SONAME, why ? why : "unknown error");
        abort();
    }
    return sym;
}

double libm_pow(double x, double y)
{
    double (*f)(double, double) =
        atomic_load_explicit(&lm_pow_fn, memory_order_acquire);
    if (f == NULL) {
        f = (double (*)(double, double))lm_lookup("pow");
        atomic_store_explicit(&lm_pow_fn, f, memory_order_release);
    }
    return f(x, y);
}

double libm_log1p(double x)
{
    double (*f)(double) =
        atomic_load_explicit(&lm_log1p_fn, memory_order_acquire);
    if (f == NULL) {
        f = (double (*)(double))lm_lookup("log1p");
        atomic_store_explicit(&lm_log1p_fn, f, memory_order_release);
    }
    return f(x);
}

#else /* the C library has them: nothing to load */
#include <math.h>

double libm_pow(double x, double y)
{
    return pow(x, y);
}

double libm_log1p(double x)
{
    return log1p(x);
}
#endif
