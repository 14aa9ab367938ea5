/* error.c - the error indicator on the thread state and the err_* API. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/runtime.h"

/* Break a cycle before linking exc under handled: if exc already appears
 * in handled's context chain, cut the chain just above it, as CPython
 * does, so printing never loops. */
static void cut_context_cycle(ExcObj *handled, Value exc)
{
    ExcObj *o = handled;
    for (int guard = 0; guard < 100000; guard++) {
        Value c = o->context;
        if (IS_NULL(c))
            return;
        if (val_is(c, exc)) {
            o->context = V_NULL;
            return;
        }
        o = (ExcObj *)AS_OBJ(c);
    }
}

/* Raising while another exception is being handled chains it
 * implicitly: exc.__context__ = the handled exception. */
static void raise_instance(Value exc)
{
    ThreadState *ts = ts_current;
    Value h = ts->handled;
    if (!IS_NULL(h) && !IS_NONE(h) && !val_is(h, exc) &&
        val_isinstance(h, &exc_BaseException)) {
        cut_context_cycle((ExcObj *)AS_OBJ(h), exc);
        ((ExcObj *)AS_OBJ(exc))->context = h;
    }
    ts->exc = exc;
}

static Value raise_new(TypeObj *type, Value *args, int nargs)
{
    Value exc = exc_new(type, args, nargs);
    if (IS_NULL(exc))
        return V_NULL;
    if (!val_isinstance(exc, &exc_BaseException))
        return err_set(&exc_TypeError,
                       "calling %s should have returned an instance of "
                       "BaseException, not %s",
                       type->name, obj_type_name(exc));
    raise_instance(exc);
    return V_NULL;
}

Value err_setv(TypeObj *type, const char *fmt, va_list ap)
{
    char buf[512];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    StrObj *msg;
    if (n >= 0 && (size_t)n < sizeof buf) {
        msg = str_new(buf, (size_t)n);
    } else {
        char *big = malloc((size_t)n + 1);
        if (!big) {
            va_end(ap2);
            return err_no_memory();
        }
        vsnprintf(big, (size_t)n + 1, fmt, ap2);
        msg = str_new(big, (size_t)n);
        free(big);
    }
    va_end(ap2);
    Value arg = V_OBJ(msg);
    return raise_new(type, &arg, 1);
}

Value err_set(TypeObj *type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    err_setv(type, fmt, ap);
    va_end(ap);
    return V_NULL;
}

Value err_set_obj(TypeObj *type, Value arg)
{
    return raise_new(type, &arg, 1);
}

static int is_exc_class(Value v)
{
    return IS_OBJ(v) && val_isinstance(v, &type_type) &&
           type_is_subtype((TypeObj *)AS_OBJ(v), &exc_BaseException);
}

Value err_set_exc(Value exc)
{
    if (is_exc_class(exc))
        return raise_new((TypeObj *)AS_OBJ(exc), NULL, 0);
    if (!val_isinstance(exc, &exc_BaseException))
        return err_set(&exc_TypeError,
                       "exceptions must derive from BaseException");
    raise_instance(exc);
    return V_NULL;
}

Value err_from_errno(TypeObj *type, int errnum)
{
    Value args[2] = {V_INT(errnum), V_OBJ(str_from_cstr(strerror(errnum)))};
    return raise_new(type, args, 2);
}

/* MemoryError must be reportable when allocation fails, so it is raised
 * without arguments, allocating as little as possible. */
Value err_no_memory(void)
{
    return raise_new(&exc_MemoryError, NULL, 0);
}

int err_occurred(void)
{
    return !IS_NULL(ts_current->exc);
}

Value err_peek(void)
{
    return ts_current->exc;
}

Value err_fetch(void)
{
    Value e = ts_current->exc;
    ts_current->exc = V_NULL;
    return e;
}

void err_restore(Value exc)
{
    ts_current->exc = exc;
}

void err_clear(void)
{
    ts_current->exc = V_NULL;
}

int err_matches(TypeObj *type)
{
    Value e = ts_current->exc;
    return !IS_NULL(e) && val_isinstance(e, type);
}

static int matches_one(Value exc, Value cls)
{
    if (!is_exc_class(cls)) {
        err_set(&exc_TypeError, "catching classes that do not inherit "
                                "from BaseException is not allowed");
        return -1;
    }
    return val_isinstance(exc, (TypeObj *)AS_OBJ(cls));
}

int err_given_matches(Value exc, Value spec)
{
    if (IS_TYPE(spec, tuple_type)) {
        TupleObj *t = (TupleObj *)AS_OBJ(spec);
        int found = 0;
        /* Every member is checked, so a bad class in the tuple is
         * reported even when an earlier one matched, as CPython does. */
        for (size_t i = 0; i < t->n; i++) {
            int r = matches_one(exc, t->items[i]);
            if (r < 0)
                return -1;
            found |= r;
        }
        return found;
    }
    return matches_one(exc, spec);
}
