/* libm.h - the C math library functions sigvm calls, without mapping
 * libm at start-up.
 *
 * Linking libm costs every process about 370 KiB of resident memory (the
 * loader maps it and runs its IFUNC resolvers) although most scripts do
 * no float arithmetic that needs it.  The exact operations here -- frexp,
 * ldexp, fmod and nearbyint, whose results are fully determined by IEEE
 * 754 -- are computed in libm.c, bit for bit what glibc returns (the unit
 * tests compare them over many values).  pow and log1p are not exact, and
 * CPython's answers come from the system libm, so they are glibc's own,
 * reached by opening LIBM_SONAME the first time one is called.
 */
#ifndef SIGVM_LIBM_H
#define SIGVM_LIBM_H

double libm_frexp(double x, int *exp);
double libm_ldexp(double x, int exp);
double libm_fmod(double x, double y);
/* Rounds half to even: sigvm never changes the rounding mode. */
double libm_nearbyint(double x);

/* The system libm's, loaded on first use by any thread; sigvm stops
 * with a message if it cannot be loaded. */
double libm_pow(double x, double y);
double libm_log1p(double x);

#endif
