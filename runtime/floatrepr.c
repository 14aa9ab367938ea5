/* floatrepr.c - repr() of a float: the shortest decimal string that reads
 * back as the same double, laid out as CPython lays it out.
 *
 * The C library's %e conversion is correctly rounded, so trying 1, 2, ...
 * 17 significant digits and keeping the first that strtod maps back to
 * the same double yields the shortest round-trip digits.  Seventeen always
 * suffice for an IEEE double.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

/* Shortest digits of d (finite, > 0) into digits (NUL-terminated, no
 * trailing zeros); returns the decimal exponent of the first digit. */
static int shortest_digits(double d, char *digits)
{
    char buf[40];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, d);
        if (prec == 17 || strtod(buf, NULL) == d)
            break;
    }
    /* buf is "d.ddddde[+-]XX" or "de[+-]XX". */
    char *e = strchr(buf, 'e');
    int exp10 = atoi(e + 1);
    int n = 0;
    for (char *p = buf; p < e; p++)
        if (*p != '.')
            digits[n++] = *p;
    while (n > 1 && digits[n - 1] == '0')
        n--;
    digits[n] = '\0';
    return exp10;
}

/* Fixed notation: at least one digit each side of the point. */
static int layout_fixed(char *out, const char *digits, int exp10)
{
    int n = (int)strlen(digits), k = 0;
    if (exp10 < 0) {
        out[k++] = '0';
        out[k++] = '.';
        for (int i = 0; i < -exp10 - 1; i++)
            out[k++] = '0';
        memcpy(out + k, digits, (size_t)n);
        return k + n;
    }
    for (int i = 0; i <= exp10; i++)
        out[k++] = i < n ? digits[i] : '0';
    out[k++] = '.';
    if (n > exp10 + 1) {
        memcpy(out + k, digits + exp10 + 1, (size_t)(n - exp10 - 1));
        k += n - exp10 - 1;
    } else {
        out[k++] = '0';
    }
    return k;
}

static int layout_sci(char *out, const char *digits, int exp10)
{
    int n = (int)strlen(digits), k = 0;
    out[k++] = digits[0];
    if (n > 1) {
        out[k++] = '.';
        memcpy(out + k, digits + 1, (size_t)(n - 1));
        k += n - 1;
    }
    return k + sprintf(out + k, "e%c%02d", exp10 < 0 ? '-' : '+',
                       exp10 < 0 ? -exp10 : exp10);
}

int num_float_repr_buf(double d, char *buf)
{
    int k = 0;
    if (isnan(d))
        return sprintf(buf, "nan");
    if (signbit(d)) {
        buf[k++] = '-';
        d = -d;
    }
    if (isinf(d))
        return k + sprintf(buf + k, "inf");
    if (d == 0)
        return k + sprintf(buf + k, "0.0");
    char digits[24];
    int exp10 = shortest_digits(d, digits);
    /* CPython switches to exponent form below 1e-4 and from 1e16 up. */
    if (exp10 < -4 || exp10 >= 16)
        k += layout_sci(buf + k, digits, exp10);
    else
        k += layout_fixed(buf + k, digits, exp10);
    buf[k] = '\0';
    return k;
}

StrObj *num_float_repr(double d)
{
    char buf[40];
    int n = num_float_repr_buf(d, buf);
    return str_new(buf, (size_t)n);
}
