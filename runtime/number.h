/* number.h - int, float and bool: arithmetic with 64-bit overflow checks,
 * CPython's float repr, and parsing for int() and float(). */
#ifndef SIGVM_NUMBER_H
#define SIGVM_NUMBER_H

#include <stdint.h>

#include "object.h"

/* Arithmetic on two int-like or float values; V_NOTIMPL for other types.
 * Raises OverflowError("integer overflow"), ZeroDivisionError with
 * CPython's messages. */
Value num_binop(Value a, Value b, int op);
Value num_unop(Value a, int op);
Value num_richcmp(Value a, Value b, int op); /* V_NOTIMPL if not numbers */
StrObj *num_int_repr(int64_t n);
StrObj *num_float_repr(double d); /* shortest round-trip, as CPython */
int64_t num_hash_float(double d);
/* int(x) / float(x) conversions with CPython's errors. */
Value num_int_from_value(Value v, int base);
Value num_float_from_value(Value v);
/* The __index__ protocol for ints used as indexes and C ints. */
int num_as_index(Value v, int64_t *out);

#endif

/* ---- Added by the text/number owner (number.c, floatrepr.c). ---- */
/* round(x[, ndigits]); ndigits V_NULL or None when absent. */
Value num_round(Value x, Value ndigits);
Value num_divmod(Value a, Value b);           /* V_NOTIMPL if not numbers */
Value num_pow(Value a, Value b, Value mod);   /* pow(a, b, mod); mod None */
Value num_abs(Value v);                       /* V_NOTIMPL if not a number */
/* The numeric hash of an int, as CPython's (modulo 2**61 - 1). */
int64_t num_hash_int(int64_t n);
/* int(s, base) for str/bytes text: ValueError "invalid literal ...". */
Value num_int_from_cstr(const char *s, size_t n, int base, Value orig);
/* float(s) parsing; ValueError "could not convert string to float: ...". */
Value num_float_from_cstr(const char *s, size_t n, Value orig);
/* Writes the decimal digits of n into buf (24 bytes); returns the length. */
int num_int_to_buf(int64_t n, char *buf);
/* repr(d) into buf (at least 32 bytes); returns the length. */
int num_float_repr_buf(double d, char *buf);
