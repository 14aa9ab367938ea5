/* number.c - int, bool and float: arithmetic, comparison, hashing,
 * conversion and the types themselves.
 *
 * Ints are 64-bit; every operation whose exact result does not fit raises
 * OverflowError("integer overflow"), sigvm's documented deviation from
 * CPython's unbounded ints.  Everything else follows CPython: floor
 * division and modulo round towards negative infinity, ints and floats
 * compare exactly, and hashes agree across types (hash(1) == hash(1.0)).
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "libm.h"
#include "runtime.h"

static Value overflow(void)
{
    return err_set(&exc_OverflowError, "integer overflow");
}

/* ------------------------------------------------------------------ */
/* repr                                                                 */

/* "00" "01" ... "99": two digits per division when printing ints. */
static const char digit_pairs[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

/* Decimal digits of u (1 for 0). */
static int count_digits(uint64_t u)
{
    int d = 1;
    for (; u >= 10000; u /= 10000)
        d += 4;
    return d + (u >= 10) + (u >= 100) + (u >= 1000);
}

int num_int_to_buf(int64_t n, char *buf)
{
    /* Work in unsigned so INT64_MIN negates without overflow. */
    uint64_t u = n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
    int len = count_digits(u) + (n < 0);
    char *p = buf + len; /* digits are written last first, in place */
    *p = '\0';
    while (u > UINT32_MAX) {
        unsigned r = (unsigned)(u % 100);
        u /= 100;
        p -= 2;
        memcpy(p, digit_pairs + 2 * r, 2);
    }
    /* The rest in 32 bits, where dividing by 100 is a cheaper multiply. */
    uint32_t w = (uint32_t)u;
    while (w >= 100) {
        uint32_t r = w % 100;
        w /= 100;
        p -= 2;
        memcpy(p, digit_pairs + 2 * r, 2);
    }
    if (w >= 10) {
        p -= 2;
        memcpy(p, digit_pairs + 2 * w, 2);
    } else {
        *--p = (char)('0' + w);
    }
    if (n < 0)
        *--p = '-';
    return len;
}

/* Small ints are printed constantly (loop counters, indexes), so their
 * strings are made once and kept. */
#define REPR_CACHE_MIN (-5)
#define REPR_CACHE_MAX 1024
static StrObj *repr_cache[REPR_CACHE_MAX - REPR_CACHE_MIN + 1];

StrObj *num_int_repr(int64_t n)
{
    char buf[24];
    StrObj **slot = NULL;
    if (n >= REPR_CACHE_MIN && n <= REPR_CACHE_MAX) {
        slot = &repr_cache[n - REPR_CACHE_MIN];
        if (*slot)
            return *slot;
    }
    int len = num_int_to_buf(n, buf);
    StrObj *s = len == 1 ? str_ascii_char((uint8_t)buf[0]) : str_alloc(len);
    if (len > 1) {
        str_copy_text(s->data, buf, (size_t)len);
        s->nchars = (size_t)len;
        s->ascii = 1;
    }
    if (slot)
        *slot = s;
    return s;
}

static void num_mark_roots(void)
{
    for (size_t i = 0; i < sizeof repr_cache / sizeof *repr_cache; i++)
        gc_mark_obj((Obj *)repr_cache[i]);
}

static Value int_repr(Value v)
{
    return V_OBJ(num_int_repr(AS_INT(v)));
}

static Value bool_repr(Value v)
{
    static StrObj *t, *f;
    if (!t) {
        t = str_intern_cstr("True");
        f = str_intern_cstr("False");
    }
    return V_OBJ(AS_BOOL(v) ? t : f);
}

static Value float_repr(Value v)
{
    return V_OBJ(num_float_repr(AS_FLOAT(v)));
}

/* ------------------------------------------------------------------ */
/* Hashing                                                              */

/* CPython reduces numbers modulo the Mersenne prime 2**61 - 1, so that
 * equal ints and floats hash alike. */
#define HASH_BITS 61
#define HASH_MOD (((uint64_t)1 << HASH_BITS) - 1)

int64_t num_hash_int(int64_t n)
{
    uint64_t u = n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
    int64_t h = (int64_t)(u % HASH_MOD);
    if (n < 0)
        h = -h;
    return h == -1 ? -2 : h;
}

int64_t num_hash_float(double d)
{
    if (isinf(d))
        return d > 0 ? 314159 : -314159;
    if (isnan(d))
        return 0;
    int e;
    double m = libm_frexp(d, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    /* Feed the mantissa 28 bits at a time, rotating the accumulator
     * within 61 bits: multiplication by 2**28 modulo 2**61 - 1. */
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & HASH_MOD) | x >> (HASH_BITS - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MOD)
            x -= HASH_MOD;
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MOD) | x >> (HASH_BITS - e);
    int64_t h = (int64_t)x * sign;
    return h == -1 ? -2 : h;
}

static int int_hash(Value v, int64_t *out)
{
    *out = num_hash_int(AS_INT(v));
    return 0;
}

static int float_hash(Value v, int64_t *out)
{
    *out = num_hash_float(AS_FLOAT(v));
    return 0;
}

/* ------------------------------------------------------------------ */
/* Integer arithmetic                                                   */

static int64_t floordiv64(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

static int64_t mod64(int64_t a, int64_t b)
{
    if (b == -1)
        return 0; /* INT64_MIN % -1 traps in C */
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0)))
        r += b;
    return r;
}

static Value float_pow(double x, double y);

static Value int_pow(int64_t a, int64_t b)
{
    if (b < 0) {
        if (a == 0)
            return err_set(&exc_ZeroDivisionError,
                           "0.0 cannot be raised to a negative power");
        return float_pow((double)a, (double)b);
    }
    int64_t r = 1;
    while (b) {
        if ((b & 1) && __builtin_mul_overflow(r, a, &r))
            return overflow();
        b >>= 1;
        if (b && __builtin_mul_overflow(a, a, &a))
            return overflow();
    }
    return V_INT(r);
}

static Value int_shift(int64_t a, int64_t b, int left)
{
    if (b < 0)
        return err_set(&exc_ValueError, "negative shift count");
    if (!left)
        return V_INT(b >= 64 ? (a < 0 ? -1 : 0) : a >> b);
    if (a == 0)
        return V_INT(0);
    if (b >= 63)
        return overflow();
    int64_t r = (int64_t)((uint64_t)a << b);
    if ((r >> b) != a)
        return overflow();
    return V_INT(r);
}

/* a / b correctly rounded: direct when both are exact doubles, else in
 * long double, whose 64-bit mantissa holds every int64 exactly. */
static Value int_truediv(int64_t a, int64_t b)
{
    if (b == 0)
        return err_set(&exc_ZeroDivisionError, "division by zero");
    const int64_t lim = (int64_t)1 << 53;
    if (a <= lim && a >= -lim && b <= lim && b >= -lim)
        return V_FLOAT((double)a / (double)b);
    return V_FLOAT((double)((long double)a / (long double)b));
}

static Value int_binop(int64_t a, int64_t b, int op)
{
    int64_t r;
    switch (op) {
    case BOP_ADD:
        if (__builtin_add_overflow(a, b, &r))
            return overflow();
        return V_INT(r);
    case BOP_SUB:
        if (__builtin_sub_overflow(a, b, &r))
            return overflow();
        return V_INT(r);
    case BOP_MUL:
        if (__builtin_mul_overflow(a, b, &r))
            return overflow();
        return V_INT(r);
    case BOP_TRUEDIV:
        return int_truediv(a, b);
    case BOP_FLOORDIV:
        if (b == 0)
            return err_set(&exc_ZeroDivisionError,
                           "integer division or modulo by zero");
        if (a == INT64_MIN && b == -1)
            return overflow();
        return V_INT(floordiv64(a, b));
    case BOP_MOD:
        if (b == 0)
            return err_set(&exc_ZeroDivisionError, "integer modulo by zero");
        return V_INT(mod64(a, b));
    case BOP_POW:
        return int_pow(a, b);
    case BOP_LSHIFT:
        return int_shift(a, b, 1);
    case BOP_RSHIFT:
        return int_shift(a, b, 0);
    case BOP_AND:
        return V_INT(a & b);
    case BOP_OR:
        return V_INT(a | b);
    case BOP_XOR:
        return V_INT(a ^ b);
    default:
        return V_NOTIMPL;
    }
}

/* ------------------------------------------------------------------ */
/* Float arithmetic                                                     */

static Value float_pow(double x, double y)
{
    if (x == 0 && y < 0)
        return err_set(&exc_ZeroDivisionError,
                       "0.0 cannot be raised to a negative power");
    if (x < 0 && isfinite(x) && isfinite(y) && y != floor(y))
        /* CPython answers with a complex number, which sigvm lacks. */
        return err_set(&exc_ValueError,
                       "negative number cannot be raised to a fractional "
                       "power");
    double r = libm_pow(x, y);
    if (isinf(r) && isfinite(x) && isfinite(y))
        return err_set(&exc_OverflowError,
                       "(34, 'Numerical result out of range')");
    return V_FLOAT(r);
}

/* Python's float divmod: the remainder takes the divisor's sign and the
 * quotient is the floor, corrected for the rounding fmod avoids. */
static void float_divmod(double x, double y, double *div, double *mod)
{
    double m = libm_fmod(x, y);
    double d = (x - m) / y;
    if (m) {
        if ((y < 0) != (m < 0)) {
            m += y;
            d -= 1.0;
        }
    } else {
        m = copysign(0.0, y);
    }
    if (d) {
        double f = floor(d);
        if (d - f > 0.5)
            f += 1.0;
        d = f;
    } else {
        d = copysign(0.0, x / y);
    }
    *div = d;
    *mod = m;
}

static Value float_binop(double x, double y, int op)
{
    double d, m;
    switch (op) {
    case BOP_ADD:
        return V_FLOAT(x + y);
    case BOP_SUB:
        return V_FLOAT(x - y);
    case BOP_MUL:
        return V_FLOAT(x * y);
    case BOP_TRUEDIV:
        if (y == 0)
            return err_set(&exc_ZeroDivisionError, "float division by zero");
        return V_FLOAT(x / y);
    case BOP_FLOORDIV:
        if (y == 0)
            return err_set(&exc_ZeroDivisionError,
                           "float floor division by zero");
        float_divmod(x, y, &d, &m);
        return V_FLOAT(d);
    case BOP_MOD:
        if (y == 0)
            return err_set(&exc_ZeroDivisionError, "float modulo");
        float_divmod(x, y, &d, &m);
        return V_FLOAT(m);
    case BOP_POW:
        return float_pow(x, y);
    default:
        return V_NOTIMPL;
    }
}

static int as_double(Value v, double *out)
{
    if (IS_FLOAT(v)) {
        *out = AS_FLOAT(v);
        return 1;
    }
    if (IS_INTLIKE(v)) {
        *out = (double)AS_INT(v);
        return 1;
    }
    return 0;
}

Value num_binop(Value a, Value b, int op)
{
    double x, y;
    if (op >= BOP_INPLACE)
        op -= BOP_INPLACE;
    if (IS_INTLIKE(a) && IS_INTLIKE(b)) {
        /* bool & bool stays a bool, as in CPython. */
        if (IS_BOOL(a) && IS_BOOL(b) &&
            (op == BOP_AND || op == BOP_OR || op == BOP_XOR)) {
            Value r = int_binop(AS_INT(a), AS_INT(b), op);
            return V_BOOL(AS_INT(r));
        }
        return int_binop(AS_INT(a), AS_INT(b), op);
    }
    if (!as_double(a, &x) || !as_double(b, &y))
        return V_NOTIMPL;
    return float_binop(x, y, op);
}

static Value num_rbinop(Value self, Value other, int op)
{
    return num_binop(other, self, op);
}

Value num_unop(Value a, int op)
{
    if (op == UOP_ABS)
        return num_abs(a);
    if (IS_FLOAT(a)) {
        switch (op) {
        case UOP_NEG: return V_FLOAT(-AS_FLOAT(a));
        case UOP_POS: return a;
        case UOP_NOT: return V_BOOL(AS_FLOAT(a) == 0);
        default: return V_NOTIMPL;
        }
    }
    if (!IS_INTLIKE(a))
        return V_NOTIMPL;
    int64_t n = AS_INT(a);
    switch (op) {
    case UOP_NEG:
        if (n == INT64_MIN)
            return overflow();
        return V_INT(-n);
    case UOP_POS: return V_INT(n);
    case UOP_INVERT: return V_INT(~n);
    case UOP_NOT: return V_BOOL(n == 0);
    default: return V_NOTIMPL;
    }
}

Value num_abs(Value v)
{
    if (IS_FLOAT(v))
        return V_FLOAT(fabs(AS_FLOAT(v)));
    if (!IS_INTLIKE(v))
        return V_NOTIMPL;
    int64_t n = AS_INT(v);
    if (n == INT64_MIN)
        return overflow();
    return V_INT(n < 0 ? -n : n);
}

Value num_divmod(Value a, Value b)
{
    double x, y, d, m;
    /* An int subclass instance computes on its value, as int's own
     * methods do in CPython (also in num_pow and num_round). */
    a = val_plain_int(a);
    b = val_plain_int(b);
    if (IS_INTLIKE(a) && IS_INTLIKE(b)) {
        int64_t p = AS_INT(a), q = AS_INT(b);
        if (q == 0)
            return err_set(&exc_ZeroDivisionError,
                           "integer division or modulo by zero");
        if (p == INT64_MIN && q == -1)
            return overflow();
        return V_OBJ(tuple_pack(2, V_INT(floordiv64(p, q)), V_INT(mod64(p, q))));
    }
    if (!as_double(a, &x) || !as_double(b, &y))
        return V_NOTIMPL;
    if (y == 0)
        return err_set(&exc_ZeroDivisionError, "float divmod()");
    float_divmod(x, y, &d, &m);
    return V_OBJ(tuple_pack(2, V_FLOAT(d), V_FLOAT(m)));
}

static int64_t mulmod(int64_t a, int64_t b, int64_t m)
{
    return (int64_t)(((__int128)a * b) % m);
}

/* Modular inverse by the extended Euclidean algorithm; -1 if none. */
static int64_t modinv(int64_t a, int64_t m)
{
    __int128 t = 0, nt = 1, r = m, nr = a;
    while (nr) {
        __int128 q = r / nr, tmp;
        tmp = t - q * nt; t = nt; nt = tmp;
        tmp = r - q * nr; r = nr; nr = tmp;
    }
    if (r != 1)
        return -1;
    if (t < 0)
        t += m;
    return (int64_t)t;
}

Value num_pow(Value a, Value b, Value mod)
{
    if (IS_NULL(mod) || IS_NONE(mod))
        return num_binop(a, b, BOP_POW);
    a = val_plain_int(a);
    b = val_plain_int(b);
    mod = val_plain_int(mod);
    if (!IS_INTLIKE(a) || !IS_INTLIKE(b) || !IS_INTLIKE(mod))
        return err_set(&exc_TypeError, "pow() 3rd argument not allowed "
                                       "unless all arguments are integers");
    int64_t x = AS_INT(a), e = AS_INT(b), m = AS_INT(mod);
    if (m == 0)
        return err_set(&exc_ValueError, "pow() 3rd argument cannot be 0");
    int neg = m < 0;
    if (neg) {
        if (m == INT64_MIN)
            return overflow();
        m = -m;
    }
    x = mod64(x, m);
    if (e < 0) {
        x = modinv(x, m);
        if (x < 0)
            return err_set(&exc_ValueError,
                           "base is not invertible for the given modulus");
        e = e == INT64_MIN ? INT64_MAX : -e; /* x**-MIN == x**MAX * x^-1 */
    }
    int64_t r = 1 % m;
    for (; e; e >>= 1) {
        if (e & 1)
            r = mulmod(r, x, m);
        x = mulmod(x, x, m);
    }
    if (neg && r != 0)
        r -= m;
    return V_INT(r);
}

/* ------------------------------------------------------------------ */
/* Comparison                                                           */

static int cmp_result(int c, int op)
{
    switch (op) {
    case CMP_LT: return c < 0;
    case CMP_LE: return c <= 0;
    case CMP_EQ: return c == 0;
    case CMP_NE: return c != 0;
    case CMP_GT: return c > 0;
    default: return c >= 0;
    }
}

/* Exact three-way comparison of an int with a finite or infinite double
 * (not NaN): no rounding of the int to double. */
static int cmp_int_float(int64_t i, double f)
{
    if (f >= 9223372036854775808.0)
        return -1;
    if (f < -9223372036854775808.0)
        return 1;
    double fl = floor(f);
    int64_t fi = (int64_t)fl;
    if (i != fi)
        return i < fi ? -1 : 1;
    return f > fl ? -1 : 0;
}

Value num_richcmp(Value a, Value b, int op)
{
    if (IS_INTLIKE(a) && IS_INTLIKE(b)) {
        int64_t x = AS_INT(a), y = AS_INT(b);
        return V_BOOL(cmp_result((x > y) - (x < y), op));
    }
    if (IS_FLOAT(a) && IS_FLOAT(b)) {
        double x = AS_FLOAT(a), y = AS_FLOAT(b);
        switch (op) {
        case CMP_LT: return V_BOOL(x < y);
        case CMP_LE: return V_BOOL(x <= y);
        case CMP_EQ: return V_BOOL(x == y);
        case CMP_NE: return V_BOOL(x != y);
        case CMP_GT: return V_BOOL(x > y);
        default: return V_BOOL(x >= y);
        }
    }
    int swap = 0;
    if (IS_FLOAT(a) && IS_INTLIKE(b)) {
        Value t = a;
        a = b;
        b = t;
        swap = 1;
    }
    if (!IS_INTLIKE(a) || !IS_FLOAT(b))
        return V_NOTIMPL;
    if (isnan(AS_FLOAT(b)))
        return V_BOOL(op == CMP_NE);
    int c = cmp_int_float(AS_INT(a), AS_FLOAT(b));
    return V_BOOL(cmp_result(swap ? -c : c, op));
}

/* ------------------------------------------------------------------ */
/* Conversions                                                          */

static Value call_dunder(Value v, const char *name)
{
    if (IS_NULL(type_lookup(val_type(v), str_intern_cstr(name))))
        return V_NULL;
    return obj_call_method(v, name, NULL, 0);
}

int num_as_index(Value v, int64_t *out)
{
    if (IS_INTLIKE(v)) {
        *out = AS_INT(v);
        return 0;
    }
    if (val_as_int_subclass(v, out))
        return 0;
    if (IS_OBJ(v) && !IS_NULL(type_lookup(val_type(v),
                                          str_intern_cstr("__index__")))) {
        Value r = obj_call_method(v, "__index__", NULL, 0);
        if (IS_NULL(r))
            return -1;
        if (!IS_INTLIKE(r)) {
            err_set(&exc_TypeError, "__index__ returned non-int (type %s)",
                    val_type_name(r));
            return -1;
        }
        *out = AS_INT(r);
        return 0;
    }
    err_set(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
            val_type_name(v));
    return -1;
}

static Value int_from_double(double d)
{
    if (isnan(d))
        return err_set(&exc_ValueError, "cannot convert float NaN to integer");
    if (isinf(d))
        return err_set(&exc_OverflowError,
                       "cannot convert float infinity to integer");
    d = trunc(d);
    if (d >= 9223372036854775808.0 || d < -9223372036854775808.0)
        return overflow();
    return V_INT((int64_t)d);
}

/* Python's whitespace for number parsing: ASCII space, \t-\r, \x1c-\x1f. */
static int is_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

static void strip(const char **s, size_t *n)
{
    while (*n && is_space(**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n && is_space((*s)[*n - 1]))
        (*n)--;
}

static int digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

static Value bad_int_literal(int base, Value orig)
{
    Value r = obj_repr(orig);
    if (IS_NULL(r))
        return r;
    return err_set(&exc_ValueError, "invalid literal for int() with base %d: %s",
                   base, STR_CSTR((StrObj *)AS_OBJ(r)));
}

/* Skips a 0x/0o/0b prefix matching base (detecting it when base is 0);
 * returns the base to use, or -1 for a malformed literal. */
static int int_prefix(const char **s, size_t *n, int base)
{
    const char *p = *s;
    if (*n >= 2 && p[0] == '0') {
        char c = (char)(p[1] | 0x20);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            *s += 2;
            *n -= 2;
            /* An underscore may follow the prefix: 0x_ff. */
            if (*n && **s == '_') {
                (*s)++;
                (*n)--;
            }
            return pb;
        }
    }
    if (base != 0)
        return base;
    /* Base 0 without a prefix: decimal, and no leading zeros unless the
     * whole literal is zero. */
    for (size_t i = 0; i < *n; i++)
        if (p[i] != '0' && p[i] != '_')
            return p[0] == '0' ? -1 : 10;
    return 10;
}

/* The common case of int(text): up to 18 plain decimal digits, which
 * cannot overflow and need none of the stripping, signs, prefixes and
 * underscores of the general parser.  Returns 0 when text is not that. */
static inline int plain_decimal(const char *s, size_t n, int64_t *out)
{
    if (n - 1 >= 18)
        return 0;
    uint64_t acc = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned d = (unsigned)(uint8_t)s[i] - '0';
        if (d > 9)
            return 0;
        acc = acc * 10 + d;
    }
    *out = (int64_t)acc;
    return 1;
}

Value num_int_from_cstr(const char *s, size_t n, int base, Value orig)
{
    int64_t v;
    if (base == 10 && plain_decimal(s, n, &v))
        return V_INT(v);
    int shown = base;
    strip(&s, &n);
    int neg = 0;
    if (n && (*s == '+' || *s == '-')) {
        neg = *s == '-';
        s++;
        n--;
    }
    base = int_prefix(&s, &n, base);
    if (base < 0 || n == 0)
        return bad_int_literal(shown, orig);
    /* Accumulate as a negative number so INT64_MIN parses. */
    int64_t acc = 0;
    int overflowed = 0, prev_us = 1;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '_') {
            if (prev_us)
                return bad_int_literal(shown, orig);
            prev_us = 1;
            continue;
        }
        int d = digit_value(s[i]);
        if (d >= base)
            return bad_int_literal(shown, orig);
        prev_us = 0;
        if (__builtin_mul_overflow(acc, base, &acc) ||
            __builtin_sub_overflow(acc, d, &acc))
            overflowed = 1;
    }
    if (prev_us)
        return bad_int_literal(shown, orig);
    if (overflowed || (!neg && acc == INT64_MIN))
        return overflow();
    return V_INT(neg ? acc : -acc);
}

static Value int_from_text(Value v, int base)
{
    if (base != 0 && (base < 2 || base > 36))
        return err_set(&exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    if (IS_TYPE(v, str_type)) {
        StrObj *s = (StrObj *)AS_OBJ(v);
        if (s->ascii)
            return num_int_from_cstr(s->data, s->nbytes, base, v);
        size_t n;
        char *text = str_decimal_ascii(s, &n);
        if (text == NULL)
            return V_NULL;
        Value r = num_int_from_cstr(text, n, base, v);
        free(text);
        return r;
    }
    BytesObj *b = (BytesObj *)AS_OBJ(v);
    return num_int_from_cstr((const char *)b->data, b->n, base, v);
}

/* base < 0: int(x) without a base. */
Value num_int_from_value(Value v, int base)
{
    int text = IS_TYPE(v, str_type) || IS_TYPE(v, bytes_type);
    if (base >= 0 || text) {
        if (!text)
            return err_set(&exc_TypeError,
                           "int() can't convert non-string with explicit base");
        return int_from_text(v, base < 0 ? 10 : base);
    }
    if (IS_INTLIKE(v))
        return V_INT(AS_INT(v));
    if (IS_FLOAT(v))
        return int_from_double(AS_FLOAT(v));
    int64_t n;
    if (val_as_int_subclass(v, &n))
        return V_INT(n);
    static const char *const dunders[] = {"__int__", "__index__", "__trunc__"};
    for (int i = 0; i < 3; i++) {
        Value r = call_dunder(v, dunders[i]);
        if (IS_NULL(r)) {
            if (err_occurred())
                return r;
            continue;
        }
        if (!IS_INTLIKE(r))
            return err_set(&exc_TypeError, "%s returned non-int (type %s)",
                           dunders[i], val_type_name(r));
        return V_INT(AS_INT(r));
    }
    return err_set(&exc_TypeError,
                   "int() argument must be a string, a bytes-like object or "
                   "a real number, not '%s'", val_type_name(v));
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Copies digits (with single underscores between them) from s to out;
 * returns how many input bytes were used, 0 if none or malformed. */
static size_t take_digits(const char *s, size_t n, char *out, size_t *k)
{
    size_t i = 0;
    if (i >= n || !is_digit(s[i]))
        return 0;
    while (i < n) {
        if (is_digit(s[i])) {
            out[(*k)++] = s[i++];
        } else if (s[i] == '_' && i + 1 < n && is_digit(s[i + 1])) {
            i++;
        } else {
            break;
        }
    }
    return i;
}

static int special_float(const char *s, size_t n, double *out)
{
    int neg = 0;
    if (n && (*s == '+' || *s == '-')) {
        neg = *s == '-';
        s++;
        n--;
    }
    if ((n == 3 && !strncasecmp(s, "inf", 3)) ||
        (n == 8 && !strncasecmp(s, "infinity", 8)))
        *out = neg ? -INFINITY : INFINITY;
    else if (n == 3 && !strncasecmp(s, "nan", 3))
        *out = neg ? -NAN : NAN;
    else
        return 0;
    return 1;
}

/* Validates Python's float syntax and rewrites it without underscores
 * into out, so strtod (which knows hex floats and other forms Python
 * rejects) only ever sees plain decimal text. */
static int clean_float(const char *s, size_t n, char *out)
{
    size_t i = 0, k = 0, m;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        out[k++] = s[i++];
    m = take_digits(s + i, n - i, out, &k);
    i += m;
    int have = m > 0;
    if (i < n && s[i] == '.') {
        out[k++] = s[i++];
        m = take_digits(s + i, n - i, out, &k);
        i += m;
        have |= m > 0;
    }
    if (!have)
        return 0;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        out[k++] = s[i++];
        if (i < n && (s[i] == '+' || s[i] == '-'))
            out[k++] = s[i++];
        m = take_digits(s + i, n - i, out, &k);
        if (!m)
            return 0;
        i += m;
    }
    out[k] = '\0';
    return i == n;
}

Value num_float_from_cstr(const char *s, size_t n, Value orig)
{
    double d;
    strip(&s, &n);
    if (special_float(s, n, &d))
        return V_FLOAT(d);
    char small[64];
    char *buf = n < sizeof small ? small : malloc(n + 1);
    if (!buf)
        return err_no_memory();
    int ok = n > 0 && clean_float(s, n, buf);
    if (ok)
        d = strtod(buf, NULL);
    if (buf != small)
        free(buf);
    if (ok)
        return V_FLOAT(d);
    Value r = obj_repr(orig);
    if (IS_NULL(r))
        return r;
    return err_set(&exc_ValueError, "could not convert string to float: %s",
                   STR_CSTR((StrObj *)AS_OBJ(r)));
}

Value num_float_from_value(Value v)
{
    if (IS_FLOAT(v))
        return v;
    if (IS_INTLIKE(v))
        return V_FLOAT((double)AS_INT(v));
    if (IS_TYPE(v, str_type)) {
        StrObj *s = (StrObj *)AS_OBJ(v);
        if (s->ascii)
            return num_float_from_cstr(s->data, s->nbytes, v);
        size_t n;
        char *text = str_decimal_ascii(s, &n);
        if (text == NULL)
            return V_NULL;
        Value r = num_float_from_cstr(text, n, v);
        free(text);
        return r;
    }
    if (IS_TYPE(v, bytes_type)) {
        BytesObj *b = (BytesObj *)AS_OBJ(v);
        return num_float_from_cstr((const char *)b->data, b->n, v);
    }
    Value r = call_dunder(v, "__float__");
    if (!IS_NULL(r)) {
        if (!IS_FLOAT(r))
            return err_set(&exc_TypeError,
                           "%s.__float__ returned non-float (type %s)",
                           val_type_name(v), val_type_name(r));
        return r;
    }
    if (err_occurred())
        return r;
    r = call_dunder(v, "__index__");
    if (!IS_NULL(r) && IS_INTLIKE(r))
        return V_FLOAT((double)AS_INT(r));
    if (err_occurred())
        return V_NULL;
    return err_set(&exc_TypeError,
                   "float() argument must be a string or a real number, "
                   "not '%s'", val_type_name(v));
}

/* ------------------------------------------------------------------ */
/* round()                                                              */

/* Round the decimal text of x (exact, from printf) half-to-even at
 * 10**-ndigits for ndigits < 0 and read it back. */
static Value round_float_negative(double x, int64_t ndigits)
{
    if (ndigits < -400)
        return V_FLOAT(copysign(0.0, x));
    char buf[420];
    int neg = x < 0;
    int len = snprintf(buf, sizeof buf, "%.60f", fabs(x));
    char *dot = strchr(buf, '.');
    int intlen = (int)(dot - buf);
    int keep = intlen + (int)ndigits; /* integer digits kept */
    if (keep < 0)
        return V_FLOAT(copysign(0.0, x));
    /* Decide rounding from the first dropped digit and the rest. */
    int first = keep < intlen ? buf[keep] - '0' : 0;
    int rest_nonzero = 0;
    for (int i = keep + 1; i < len; i++)
        if (buf[i] >= '1' && buf[i] <= '9')
            rest_nonzero = 1;
    int last_odd = keep > 0 && ((buf[keep - 1] - '0') & 1);
    int up = first > 5 || (first == 5 && (rest_nonzero || last_odd));
    double kept = 0;
    for (int i = 0; i < keep; i++)
        kept = kept * 10 + (buf[i] - '0');
    if (up)
        kept += 1;
    double r = kept * libm_pow(10.0, (double)-ndigits);
    if (isinf(r))
        return err_set(&exc_OverflowError,
                       "rounded value too large to represent");
    return V_FLOAT(neg ? -r : copysign(r, x));
}

static Value round_float(double x, int64_t ndigits)
{
    /* Doubles from 2**53 up are integers, and 330 digits reach below
     * the smallest subnormal: nothing to round in either case. */
    if (!isfinite(x) || x == 0 || ndigits > 330 ||
        (ndigits >= 0 && fabs(x) >= 9007199254740992.0))
        return V_FLOAT(x);
    if (ndigits < 0)
        return round_float_negative(x, ndigits);
    /* printf's %.Nf is correctly rounded with ties to even on the exact
     * binary value, which is exactly what round() promises. */
    char buf[400];
    snprintf(buf, sizeof buf, "%.*f", (int)ndigits, x);
    return V_FLOAT(strtod(buf, NULL));
}

static Value round_int(int64_t n, int64_t ndigits)
{
    if (ndigits >= 0)
        return V_INT(n);
    if (ndigits < -18)
        return V_INT(0);
    int64_t p = 1;
    for (int64_t i = 0; i < -ndigits; i++)
        p *= 10;
    int64_t q = floordiv64(n, p), r = mod64(n, p);
    if (2 * (__int128)r > p || (2 * (__int128)r == p && (q & 1)))
        q++;
    int64_t out;
    if (__builtin_mul_overflow(q, p, &out))
        return overflow();
    return V_INT(out);
}

Value num_round(Value x, Value ndigits)
{
    int64_t nd;
    x = val_plain_int(x);
    int have = !IS_NULL(ndigits) && !IS_NONE(ndigits);
    if (have && num_as_index(ndigits, &nd) < 0)
        return V_NULL;
    if (IS_INTLIKE(x))
        return have ? round_int(AS_INT(x), nd) : V_INT(AS_INT(x));
    if (IS_FLOAT(x)) {
        if (have)
            return round_float(AS_FLOAT(x), nd);
        double d = AS_FLOAT(x);
        if (isfinite(d))
            d = libm_nearbyint(d); /* default rounding mode: ties to even */
        return int_from_double(d);
    }
    Value r;
    if (have)
        r = obj_call_method(x, "__round__", &ndigits, 1);
    else
        r = call_dunder(x, "__round__");
    if (IS_NULL(r) && !err_occurred())
        return err_set(&exc_TypeError,
                       "type %s doesn't define __round__ method",
                       val_type_name(x));
    return r;
}

/* ------------------------------------------------------------------ */
/* Constructors                                                         */

static Value int_new(Value type, Value *args, int nargs, TupleObj *kwnames)
{
    static const char *const names[] = {"", "base"};
    Value a[2];
    (void)type;
    if (nargs == 1 && (!kwnames || kwnames->n == 0)) {
        int64_t v;
        if (IS_TYPE(args[0], str_type) &&
            plain_decimal(((StrObj *)AS_OBJ(args[0]))->data,
                          ((StrObj *)AS_OBJ(args[0]))->nbytes, &v))
            return V_INT(v);
        return num_int_from_value(args[0], -1);
    }
    if (args_bind("int", args, nargs, kwnames, names, 2, 2, 0, a) < 0)
        return V_NULL;
    if (IS_NULL(a[0])) {
        if (!IS_NULL(a[1]))
            return err_set(&exc_TypeError, "int() missing string argument");
        return V_INT(0);
    }
    int64_t base = -1;
    if (!IS_NULL(a[1]) && num_as_index(a[1], &base) < 0)
        return V_NULL;
    if (!IS_NULL(a[1]) && (base > 36 || base < 0 || base == 1))
        return err_set(&exc_ValueError,
                       "int() base must be >= 2 and <= 36, or 0");
    return num_int_from_value(a[0], (int)base);
}

static Value float_new(Value type, Value *args, int nargs, TupleObj *kwnames)
{
    (void)type;
    if (args_no_kw("float", kwnames) < 0 ||
        args_count("float", nargs, 0, 1) < 0)
        return V_NULL;
    return nargs ? num_float_from_value(args[0]) : V_FLOAT(0.0);
}

static Value bool_new(Value type, Value *args, int nargs, TupleObj *kwnames)
{
    (void)type;
    if (args_no_kw("bool", kwnames) < 0 || args_count("bool", nargs, 0, 1) < 0)
        return V_NULL;
    if (nargs == 0)
        return V_FALSE;
    int t = obj_truthy(args[0]);
    return t < 0 ? V_NULL : V_BOOL(t);
}

static int int_truth(Value v)
{
    return AS_INT(v) != 0;
}

static int float_truth(Value v)
{
    return AS_FLOAT(v) != 0;
}

/* ------------------------------------------------------------------ */
/* Methods                                                              */

/* CPython's TypeError for a method of type tname called through the
 * class without self, or with a self of another type. */
static int bad_self(Value *args, int nargs, const char *name,
                    const char *tname)
{
    if (nargs < 1)
        err_set(&exc_TypeError, "descriptor '%s' of '%s' object needs an "
                "argument", name, tname);
    else
        err_set(&exc_TypeError, "descriptor '%s' for '%s' objects doesn't "
                "apply to a '%s' object", name, tname, val_type_name(args[0]));
    return -1;
}

/* self of an int method, which may be called through the class with
 * anything (int.bit_length("x")) or on an instance of a script subclass:
 * its value, or -1 with CPython's TypeError. */
static int int_self(Value *args, int nargs, const char *name, int64_t *out)
{
    if (nargs >= 1 && val_as_int(args[0], out))
        return 0;
    return bad_self(args, nargs, name, "int");
}

/* The same for float methods (float has no script subclasses). */
static int float_self(Value *args, int nargs, const char *name, double *out)
{
    if (nargs >= 1 && IS_FLOAT(args[0])) {
        *out = AS_FLOAT(args[0]);
        return 0;
    }
    return bad_self(args, nargs, name, "float");
}

static Value m_bit_length(Value *args, int nargs, TupleObj *kw)
{
    int64_t n;
    if (int_self(args, nargs, "bit_length", &n) < 0 ||
        args_no_kw("bit_length", kw) < 0 ||
        args_count("bit_length", nargs - 1, 0, 0) < 0)
        return V_NULL;
    uint64_t u = n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
    return V_INT(u ? 64 - __builtin_clzll(u) : 0);
}

static Value m_bit_count(Value *args, int nargs, TupleObj *kw)
{
    int64_t n;
    if (int_self(args, nargs, "bit_count", &n) < 0 ||
        args_no_kw("bit_count", kw) < 0 ||
        args_count("bit_count", nargs - 1, 0, 0) < 0)
        return V_NULL;
    uint64_t u = n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
    return V_INT(__builtin_popcountll(u));
}

/* __index__, __int__ and conjugate: the value as a plain int. */
static Value int_value_method(const char *name, Value *args, int nargs,
                              TupleObj *kw)
{
    int64_t n;
    if (int_self(args, nargs, name, &n) < 0 || args_no_kw(name, kw) < 0 ||
        args_count(name, nargs - 1, 0, 0) < 0)
        return V_NULL;
    return V_INT(n);
}

static Value m_int_index(Value *args, int nargs, TupleObj *kw)
{
    return int_value_method("__index__", args, nargs, kw);
}

static Value m_int_int(Value *args, int nargs, TupleObj *kw)
{
    return int_value_method("__int__", args, nargs, kw);
}

static Value m_int_conjugate(Value *args, int nargs, TupleObj *kw)
{
    return int_value_method("conjugate", args, nargs, kw);
}

static Value m_int_float(Value *args, int nargs, TupleObj *kw)
{
    int64_t n;
    if (int_self(args, nargs, "__float__", &n) < 0 ||
        args_no_kw("__float__", kw) < 0 ||
        args_count("__float__", nargs - 1, 0, 0) < 0)
        return V_NULL;
    return V_FLOAT((double)n);
}

static int int_fits_bytes(int64_t n, int64_t len, int sign)
{
    if (len == 0)
        return n == 0;
    if (len >= 8)
        return 1;
    int bits = (int)(8 * len);
    if (!sign)
        return (uint64_t)n < ((uint64_t)1 << bits);
    int64_t lim = (int64_t)1 << (bits - 1);
    return n >= -lim && n < lim;
}

static Value m_to_bytes(Value *args, int nargs, TupleObj *kw)
{
    static const char *const names[] = {"length", "byteorder", "signed"};
    Value a[3];
    int64_t len = 1, n;
    if (int_self(args, nargs, "to_bytes", &n) < 0 ||
        args_bind("to_bytes", args + 1, nargs - 1, kw, names, 3, 2, 0, a) < 0)
        return V_NULL;
    if (!IS_NULL(a[0]) && num_as_index(a[0], &len) < 0)
        return V_NULL;
    if (len < 0)
        return err_set(&exc_ValueError, "length argument must be non-negative");
    int little = 0, sign = 0;
    if (!IS_NULL(a[1])) {
        StrObj *bo;
        if (args_str("to_bytes", 2, a[1], &bo) < 0)
            return V_NULL;
        if (!strcmp(STR_CSTR(bo), "little"))
            little = 1;
        else if (strcmp(STR_CSTR(bo), "big"))
            return err_set(&exc_ValueError,
                           "byteorder must be either 'little' or 'big'");
    }
    if (!IS_NULL(a[2]) && (sign = obj_truthy(a[2])) < 0)
        return V_NULL;
    if (n < 0 && !sign)
        return err_set(&exc_OverflowError,
                       "can't convert negative int to unsigned");
    if (!int_fits_bytes(n, len, sign))
        return err_set(&exc_OverflowError, "int too big to convert");
    uint8_t *buf = malloc((size_t)len + 1);
    if (!buf)
        return err_no_memory();
    for (int64_t i = 0; i < len; i++) {
        uint8_t byte = i < 8 ? (uint8_t)((uint64_t)n >> (8 * i))
                             : (n < 0 ? 0xFF : 0);
        buf[little ? i : len - 1 - i] = byte;
    }
    BytesObj *b = bytes_new(buf, (size_t)len);
    free(buf);
    return V_OBJ(b);
}

static Value m_is_integer(Value *args, int nargs, TupleObj *kw)
{
    double d;
    if (float_self(args, nargs, "is_integer", &d) < 0 ||
        args_no_kw("is_integer", kw) < 0 ||
        args_count("is_integer", nargs - 1, 0, 0) < 0)
        return V_NULL;
    return V_BOOL(isfinite(d) && d == floor(d));
}

static Value m_as_integer_ratio(Value *args, int nargs, TupleObj *kw)
{
    double d;
    if (float_self(args, nargs, "as_integer_ratio", &d) < 0 ||
        args_no_kw("as_integer_ratio", kw) < 0 ||
        args_count("as_integer_ratio", nargs - 1, 0, 0) < 0)
        return V_NULL;
    if (isinf(d))
        return err_set(&exc_OverflowError,
                       "cannot convert Infinity to integer ratio");
    if (isnan(d))
        return err_set(&exc_ValueError, "cannot convert NaN to integer ratio");
    int e;
    double m = libm_frexp(d, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    int64_t num, den = 1;
    if (e > 0) {
        if (e >= 63 ||
            fabs(m) * libm_ldexp(1.0, e) >= 9223372036854775808.0)
            return overflow();
        num = (int64_t)m << e;
    } else {
        if (-e >= 63)
            return overflow();
        num = (int64_t)m;
        den = (int64_t)1 << -e;
    }
    return V_OBJ(tuple_pack(2, V_INT(num), V_INT(den)));
}

static Value m_float_int(Value *args, int nargs, TupleObj *kw)
{
    double d;
    if (float_self(args, nargs, "__int__", &d) < 0 ||
        args_no_kw("__int__", kw) < 0 ||
        args_count("__int__", nargs - 1, 0, 0) < 0)
        return V_NULL;
    return int_from_double(d);
}

/* int's and float's computed attributes (getset.c). */
static Value g_int_real(Value self)
{
    int64_t n = 0;
    val_as_int(self, &n);
    return V_INT(n);
}

static Value g_int_zero(Value self)
{
    (void)self;
    return V_INT(0);
}

static Value g_int_one(Value self)
{
    (void)self;
    return V_INT(1);
}

static Value g_float_real(Value self)
{
    return V_FLOAT(AS_FLOAT(self));
}

static Value g_float_zero(Value self)
{
    (void)self;
    return V_FLOAT(0.0);
}

static const GetSetDef int_getsets[] = {
    {"real", g_int_real},
    {"imag", g_int_zero},
    {"numerator", g_int_real},
    {"denominator", g_int_one},
    {NULL, NULL},
};

static const GetSetDef float_getsets[] = {
    {"real", g_float_real},
    {"imag", g_float_zero},
    {NULL, NULL},
};

static const MethodDef int_methods[] = {
    {"bit_length", m_bit_length, NATIVE_METHOD},
    {"bit_count", m_bit_count, NATIVE_METHOD},
    {"to_bytes", m_to_bytes, NATIVE_METHOD},
    {"__index__", m_int_index, NATIVE_METHOD},
    {"__int__", m_int_int, NATIVE_METHOD},
    {"__float__", m_int_float, NATIVE_METHOD},
    {"conjugate", m_int_conjugate, NATIVE_METHOD},
    {NULL, NULL, 0},
};

static const MethodDef float_methods[] = {
    {"is_integer", m_is_integer, NATIVE_METHOD},
    {"as_integer_ratio", m_as_integer_ratio, NATIVE_METHOD},
    {"__int__", m_float_int, NATIVE_METHOD},
    {NULL, NULL, 0},
};

/* ------------------------------------------------------------------ */
/* The types                                                            */

TypeObj int_type = {
    .base_hdr = {.hdr = {.type = &type_type}},
    .name = "int",
    .base = &object_type,
    .flags = TF_BASETYPE,
    .repr = int_repr,
    .hash = int_hash,
    .richcmp = num_richcmp,
    .binop = num_binop,
    .rbinop = num_rbinop,
    .unop = num_unop,
    .truth = int_truth,
    .new_ = int_new,
};

TypeObj bool_type = {
    .base_hdr = {.hdr = {.type = &type_type}},
    .name = "bool",
    .base = &int_type,
    .repr = bool_repr,
    .hash = int_hash,
    .richcmp = num_richcmp,
    .binop = num_binop,
    .rbinop = num_rbinop,
    .unop = num_unop,
    .truth = int_truth,
    .new_ = bool_new,
};

TypeObj float_type = {
    .base_hdr = {.hdr = {.type = &type_type}},
    .name = "float",
    .base = &object_type,
    .repr = float_repr,
    .hash = float_hash,
    .richcmp = num_richcmp,
    .binop = num_binop,
    .rbinop = num_rbinop,
    .unop = num_unop,
    .truth = float_truth,
    .new_ = float_new,
};

void num_init(void)
{
    gc_register_roots(num_mark_roots);
    type_add_methods(&int_type, int_methods);
    type_add_methods(&float_type, float_methods);
    type_add_getsets(&int_type, int_getsets);
    type_add_getsets(&float_type, float_getsets);
    for (int64_t i = REPR_CACHE_MIN; i <= 256; i++)
        num_int_repr(i);
}
