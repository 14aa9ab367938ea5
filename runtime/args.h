/* args.h - argument checking for natives, with CPython's messages. */
#ifndef SIGVM_ARGS_H
#define SIGVM_ARGS_H

#include "object.h"

/* "NAME() takes no keyword arguments" unless kwnames is NULL/empty. */
int args_no_kw(const char *fname, TupleObj *kwnames);

/* Positional count in [min, max] (max -1: unbounded), with the message
 * style of CPython's argument-clinic functions:
 *   "NAME() takes no arguments (1 given)"
 *   "NAME() takes exactly one argument (0 given)"
 *   "NAME expected at least 1 argument, got 0"
 *   "NAME expected at most 2 arguments, got 3"
 *   "NAME expected 2 arguments, got 1"               */
int args_count(const char *fname, int nargs, int min, int max);

/* Bind positional and keyword arguments to named parameters, as a Python
 * def with the same parameter list would, and with its messages
 * ("NAME() missing 1 required positional argument: 'x'",
 *  "NAME() got an unexpected keyword argument 'y'", ...).
 * names: nparams parameter names; the first npos may be positional, the
 * first nrequired are required.  out[i] is V_NULL for an absent optional. */
int args_bind(const char *fname, Value *args, int nargs, TupleObj *kwnames,
              const char *const *names, int nparams, int npos,
              int nrequired, Value *out);

/* Convert to a C integer with CPython's messages
 * ("'str' object cannot be interpreted as an integer",
 *  "Python int too large to convert to C int"). */
int args_int(Value v, int *out);
int args_int64(Value v, int64_t *out);
/* A float from an int or float ("must be real number, not str"). */
int args_double(Value v, double *out);
/* A str argument: "NAME() argument N must be str, not int". */
int args_str(const char *fname, int argno, Value v, StrObj **out);

#endif
