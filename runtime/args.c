/* args.c - argument checking for natives, worded as CPython words it. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "runtime/runtime.h"

int args_no_kw(const char *fname, TupleObj *kwnames)
{
    if (!kwnames || kwnames->n == 0)
        return 0;
    err_set(&exc_TypeError, "%s() takes no keyword arguments", fname);
    return -1;
}

static const char *plural(int n)
{
    return n == 1 ? "" : "s";
}

int args_count(const char *fname, int nargs, int min, int max)
{
    if (nargs >= min && (max < 0 || nargs <= max))
        return 0;
    if (min == max && min == 0)
        err_set(&exc_TypeError, "%s() takes no arguments (%d given)", fname,
                nargs);
    else if (min == max && min == 1)
        err_set(&exc_TypeError, "%s() takes exactly one argument (%d given)",
                fname, nargs);
    else if (min == max)
        err_set(&exc_TypeError, "%s expected %d argument%s, got %d", fname,
                min, plural(min), nargs);
    else if (nargs < min)
        err_set(&exc_TypeError, "%s expected at least %d argument%s, got %d",
                fname, min, plural(min), nargs);
    else
        err_set(&exc_TypeError, "%s expected at most %d argument%s, got %d",
                fname, max, plural(max), nargs);
    return -1;
}

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'": CPython's list of missing
 * parameter names. */
static void join_names(char *buf, size_t size, const char *const *names,
                       const int *which, int n)
{
    size_t len = 0;
    buf[0] = '\0';
    for (int i = 0; i < n && len < size; i++) {
        const char *sep = "";
        if (i > 0)
            sep = n == 2 ? " and " : (i == n - 1 ? ", and " : ", ");
        int w = snprintf(buf + len, size - len, "%s'%s'", sep, names[which[i]]);
        if (w < 0)
            break;
        len += (size_t)w;
    }
}

static int report_missing(const char *fname, const char *const *names,
                          const int *which, int n, const char *kind)
{
    char list[512];
    join_names(list, sizeof list, names, which, n);
    err_set(&exc_TypeError, "%s() missing %d required %s argument%s: %s",
            fname, n, kind, plural(n), list);
    return -1;
}

static int too_many_positional(const char *fname, int nargs, int npos,
                               int nrequired)
{
    int min = nrequired < npos ? nrequired : npos;
    const char *was = nargs == 1 ? "was" : "were";
    if (min == npos)
        err_set(&exc_TypeError,
                "%s() takes %d positional argument%s but %d %s given", fname,
                npos, plural(npos), nargs, was);
    else
        err_set(&exc_TypeError,
                "%s() takes from %d to %d positional arguments but %d %s "
                "given",
                fname, min, npos, nargs, was);
    return -1;
}

static int find_param(const char *const *names, int nparams, StrObj *kw)
{
    for (int i = 0; i < nparams; i++)
        if (strcmp(names[i], STR_CSTR(kw)) == 0)
            return i;
    return -1;
}

static int bind_keywords(const char *fname, Value *args, int nargs,
                         TupleObj *kwnames, const char *const *names,
                         int nparams, Value *out)
{
    for (size_t k = 0; k < kwnames->n; k++) {
        StrObj *kw = (StrObj *)AS_OBJ(kwnames->items[k]);
        int i = find_param(names, nparams, kw);
        if (i < 0) {
            err_set(&exc_TypeError,
                    "%s() got an unexpected keyword argument '%s'", fname,
                    STR_CSTR(kw));
            return -1;
        }
        if (!IS_NULL(out[i])) {
            err_set(&exc_TypeError,
                    "%s() got multiple values for argument '%s'", fname,
                    names[i]);
            return -1;
        }
        out[i] = args[nargs + (int)k];
    }
    return 0;
}

static int check_missing(const char *fname, const char *const *names,
                         int npos, int nrequired, const Value *out)
{
    int missing[64];
    int n = 0;
    /* Positional parameters are reported before keyword-only ones. */
    for (int i = 0; i < nrequired && i < npos; i++)
        if (IS_NULL(out[i]) && n < 64)
            missing[n++] = i;
    if (n)
        return report_missing(fname, names, missing, n, "positional");
    for (int i = npos; i < nrequired; i++)
        if (IS_NULL(out[i]) && n < 64)
            missing[n++] = i;
    if (n)
        return report_missing(fname, names, missing, n, "keyword-only");
    return 0;
}

int args_bind(const char *fname, Value *args, int nargs, TupleObj *kwnames,
              const char *const *names, int nparams, int npos,
              int nrequired, Value *out)
{
    for (int i = 0; i < nparams; i++)
        out[i] = V_NULL;
    if (nargs > npos)
        return too_many_positional(fname, nargs, npos, nrequired);
    for (int i = 0; i < nargs; i++)
        out[i] = args[i];
    if (kwnames && kwnames->n > 0 &&
        bind_keywords(fname, args, nargs, kwnames, names, nparams, out) < 0)
        return -1;
    return check_missing(fname, names, npos, nrequired, out);
}

int args_int64(Value v, int64_t *out)
{
    if (IS_INTLIKE(v)) {
        *out = AS_INT(v);
        return 0;
    }
    if (IS_FLOAT(v) || IS_NONE(v) || IS_TYPE(v, str_type)) {
        err_set(&exc_TypeError, "'%s' object cannot be interpreted as an "
                                "integer",
                obj_type_name(v));
        return -1;
    }
    return num_as_index(v, out);
}

int args_int(Value v, int *out)
{
    int64_t n;
    if (args_int64(v, &n) < 0)
        return -1;
    if (n > INT_MAX || n < INT_MIN) {
        err_set(&exc_OverflowError, "Python int too large to convert to C "
                                    "int");
        return -1;
    }
    *out = (int)n;
    return 0;
}

int args_double(Value v, double *out)
{
    if (IS_FLOAT(v)) {
        *out = AS_FLOAT(v);
        return 0;
    }
    if (IS_INTLIKE(v)) {
        *out = (double)AS_INT(v);
        return 0;
    }
    err_set(&exc_TypeError, "must be real number, not %s", obj_type_name(v));
    return -1;
}

int args_str(const char *fname, int argno, Value v, StrObj **out)
{
    if (IS_OBJ(v) && val_isinstance(v, &str_type)) {
        *out = (StrObj *)AS_OBJ(v);
        return 0;
    }
    err_set(&exc_TypeError, "%s() argument %d must be str, not %s", fname,
            argno, obj_type_name(v));
    return -1;
}
