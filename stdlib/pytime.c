/* pytime.c - time arguments read as CPython's pytime.c reads them; see
 * pytime.h for why everything goes through nanoseconds. */
#include <math.h>

#include "stdlib/pytime.h"

static int time_t_overflow(void)
{
    err_set(&exc_OverflowError, "timestamp out of range for platform time_t");
    return -1;
}

static int pytime_overflow(void)
{
    err_set(&exc_OverflowError,
            "timestamp too large to convert to C _PyTime_t");
    return -1;
}

int pt_from_double(double d, int64_t unit, PtRound round, int64_t *ns)
{
    if (isnan(d)) {
        err_set(&exc_ValueError, "Invalid value NaN (not a number)");
        return -1;
    }
    d *= (double)unit;
    d = round == PT_CEILING || d >= 0 ? ceil(d) : floor(d);
    /* -2^63 is representable, 2^63 is not: the same half-open range as
     * CPython's _Py_InIntegralTypeRange. */
    if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0))
        return time_t_overflow();
    *ns = (int64_t)d;
    return 0;
}

int pt_from_object(Value v, int64_t unit, PtRound round, int64_t *ns)
{
    if (IS_FLOAT(v))
        return pt_from_double(AS_FLOAT(v), unit, round, ns);
    int64_t n;
    if (args_int64(v, &n) < 0)
        return -1;
    if (n > INT64_MAX / unit || n < INT64_MIN / unit)
        return pytime_overflow();
    *ns = n * unit;
    return 0;
}

int64_t pt_divide(int64_t ns, int64_t per, PtRound round)
{
    int64_t q = ns / per, r = ns % per; /* C truncates toward zero */
    if (r > 0)
        return q + 1;                   /* both roundings go up */
    if (r < 0 && round == PT_TIMEOUT)
        return q - 1;                   /* away from zero */
    return q;
}

double pt_seconds(int64_t ns)
{
    return (double)ns / 1e9;
}
