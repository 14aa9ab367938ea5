/* exceptions.c - the builtin exception hierarchy.
 *
 * Every class of error.h's EXC_TYPES is a static type whose instances are
 * ExcObj.  Subclass attributes (errno, StopIteration.value, SyntaxError's
 * location ...) live in the instance dict under their Python names, set
 * from the constructor arguments as CPython sets them, so scripts read and
 * overwrite them like any attribute.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "runtime/runtime.h"

static void exc_trace(Obj *o);
static Value exc_repr(Value self);
static Value exc_str(Value self);
static Value exc_getattr(Value self, StrObj *name);
static int exc_setattr(Value self, StrObj *name, Value v);
static Value exc_type_new(Value self, Value *args, int nargs,
                          TupleObj *kwnames);

/* BaseException's base is object: make `&exc_##base` work for it too. */
#define exc_object object_type
#define EXC_DEFINE(cls, parent) \
    TypeObj exc_##cls = { \
        TYPE_OBJ_HEAD, \
        .name = #cls, \
        .base = &exc_##parent, \
        .flags = TF_BASETYPE | TF_EXCEPTION | TF_HAS_DICT, \
        .instance_size = sizeof(ExcObj), \
        .trace = exc_trace, \
        .repr = exc_repr, \
        .str = exc_str, \
        .getattr = exc_getattr, \
        .setattr = exc_setattr, \
        .new_ = exc_type_new, \
    };
EXC_TYPES(EXC_DEFINE)
#undef EXC_DEFINE
#undef exc_object

static TypeObj *const all_exc_types[] = {
#define EXC_ADDR(cls, parent) &exc_##cls,
    EXC_TYPES(EXC_ADDR)
#undef EXC_ADDR
};

static void exc_trace(Obj *o)
{
    ExcObj *e = (ExcObj *)o;
    gc_mark_obj((Obj *)e->base.dict);
    gc_mark_obj((Obj *)e->args);
    gc_mark_obj((Obj *)e->traceback);
    gc_mark_value(e->cause);
    gc_mark_value(e->context);
}

static ExcObj *as_exc(Value v)
{
    return (ExcObj *)AS_OBJ(v);
}

/* Store an attribute in the instance dict, creating the dict. */
static int exc_put(ExcObj *e, StrObj *name, Value v)
{
    if (!e->base.dict)
        e->base.dict = dict_new();
    return dict_set_str(e->base.dict, name, v);
}

static Value exc_dict_get(ExcObj *e, StrObj *name)
{
    if (!e->base.dict)
        return V_NULL;
    return dict_get_str(e->base.dict, name);
}

static Value arg_or_none(TupleObj *t, size_t i)
{
    return t && i < t->n ? t->items[i] : V_NONE;
}

/* OSError(errno, strerror[, filename[, winerror[, filename2]]]): with a
 * filename, args keeps only the first two, as CPython's. */
static int init_oserror(ExcObj *e)
{
    TupleObj *a = e->args;
    Value no = V_NONE, se = V_NONE, fn = V_NONE, fn2 = V_NONE;
    if (a->n >= 2 && a->n <= 5) {
        no = a->items[0];
        se = a->items[1];
        if (a->n >= 3)
            fn = a->items[2];
        if (a->n == 5)
            fn2 = a->items[4];
        if (a->n >= 3) {
            TupleObj *two = tuple_new(2);
            two->items[0] = no;
            two->items[1] = se;
            e->args = two;
        }
    }
    if (exc_put(e, rt_names.errno_, no) < 0 ||
        exc_put(e, rt_names.strerror, se) < 0 ||
        exc_put(e, rt_names.filename, fn) < 0)
        return -1;
    return exc_put(e, rt_names.filename2, fn2);
}

static int init_syntaxerror(ExcObj *e)
{
    TupleObj *a = e->args;
    StrObj *const fields[] = {rt_names.filename, rt_names.lineno,
                              rt_names.offset, rt_names.text,
                              rt_names.end_lineno, rt_names.end_offset};
    TupleObj *info = NULL;
    if (a->n == 2 && IS_TYPE(a->items[1], tuple_type)) {
        info = (TupleObj *)AS_OBJ(a->items[1]);
        if (info->n < 4 || info->n > 6) {
            err_set(&exc_IndexError, "tuple index out of range");
            return -1;
        }
    }
    if (exc_put(e, rt_names.msg, arg_or_none(a, 0)) < 0)
        return -1;
    for (size_t i = 0; i < 6; i++)
        if (exc_put(e, fields[i], arg_or_none(info, i)) < 0)
            return -1;
    return 0;
}

/* SystemExit.code: None, the one argument, or the whole args tuple. */
static Value systemexit_code(TupleObj *a)
{
    if (a->n == 0)
        return V_NONE;
    if (a->n == 1)
        return a->items[0];
    return V_OBJ(a);
}

/* Set args and the subclass attributes from the constructor arguments. */
static int exc_init_args(ExcObj *e, Value *args, int nargs)
{
    TypeObj *t = OBJ_TYPE(e);
    TupleObj *tup = tuple_new((size_t)nargs);
    for (int i = 0; i < nargs; i++)
        tup->items[i] = args[i];
    e->args = tup;
    if (type_is_subtype(t, &exc_OSError))
        return init_oserror(e);
    if (type_is_subtype(t, &exc_SyntaxError))
        return init_syntaxerror(e);
    if (type_is_subtype(t, &exc_StopIteration))
        return exc_put(e, rt_names.value, arg_or_none(tup, 0));
    if (type_is_subtype(t, &exc_SystemExit))
        return exc_put(e, rt_names.code_attr, systemexit_code(tup));
    return 0;
}

static TypeObj *oserror_subclass(int errnum)
{
    switch (errnum) {
    case EAGAIN:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
    case EALREADY:
    case EINPROGRESS:
        return &exc_BlockingIOError;
    case ECHILD: return &exc_ChildProcessError;
    case EPIPE:
    case ESHUTDOWN:
        return &exc_BrokenPipeError;
    case ECONNABORTED: return &exc_ConnectionAbortedError;
    case ECONNREFUSED: return &exc_ConnectionRefusedError;
    case ECONNRESET: return &exc_ConnectionResetError;
    case EEXIST: return &exc_FileExistsError;
    case ENOENT: return &exc_FileNotFoundError;
    case EINTR: return &exc_InterruptedError;
    case EISDIR: return &exc_IsADirectoryError;
    case ENOTDIR: return &exc_NotADirectoryError;
    case EACCES:
    case EPERM:
        return &exc_PermissionError;
    case ESRCH: return &exc_ProcessLookupError;
    case ETIMEDOUT: return &exc_TimeoutError;
    default: return &exc_OSError;
    }
}

/* Allocate an instance of t (a builtin exception class or a script class
 * derived from one) and set its arguments, without running __init__. */
static Value exc_alloc(TypeObj *t, Value *args, int nargs)
{
    /* OSError(errno, ...) picks its subclass from the errno, as CPython. */
    if (t == &exc_OSError && nargs >= 2 && IS_INT(args[0]))
        t = oserror_subclass((int)AS_INT(args[0]));
    size_t size = t->instance_size;
    if (size < sizeof(ExcObj))
        size = sizeof(ExcObj);
    ExcObj *e = gc_alloc(t, size);
    e->cause = V_NULL;
    e->context = V_NULL;
    if (exc_init_args(e, args, nargs) < 0)
        return V_NULL;
    return V_OBJ(e);
}

static Value exc_type_new(Value self, Value *args, int nargs,
                          TupleObj *kwnames)
{
    TypeObj *t = (TypeObj *)AS_OBJ(self);
    /* A script class with its own __init__ may take keywords; the builtin
     * constructors reject them. */
    if (!(t->flags & TF_HEAPTYPE) && args_no_kw(t->name, kwnames) < 0)
        return V_NULL;
    return exc_alloc(t, args, nargs);
}

Value exc_new(TypeObj *type, Value *args, int nargs)
{
    if (type->flags & TF_HEAPTYPE)
        return obj_call(V_OBJ(type), args, nargs, NULL);
    return exc_alloc(type, args, nargs);
}

void exc_add_traceback(Value exc, Frame *f, int lineno)
{
    ExcObj *e = as_exc(exc);
    TracebackObj *tb = gc_alloc(&traceback_type, sizeof *tb);
    frame_keep(f);
    tb->next = e->traceback;
    tb->code = f->code;
    tb->frame = f;
    tb->lineno = lineno;
    e->traceback = tb;
}

/* ---- str and repr ---- */

static Value base_str(ExcObj *e)
{
    if (!e->args || e->args->n == 0)
        return V_OBJ(rt_names.empty);
    if (e->args->n == 1)
        return obj_str(e->args->items[0]);
    return obj_str(V_OBJ(e->args));
}

/* KeyError shows the repr of a lone key, so KeyError('') is visible. */
static Value keyerror_str(ExcObj *e)
{
    if (e->args && e->args->n == 1)
        return obj_repr(e->args->items[0]);
    return base_str(e);
}

static Value oserror_str(ExcObj *e)
{
    Value no = exc_dict_get(e, rt_names.errno_);
    Value se = exc_dict_get(e, rt_names.strerror);
    Value fn = exc_dict_get(e, rt_names.filename);
    Value fn2 = exc_dict_get(e, rt_names.filename2);
    Value parts[4] = {no, se, fn, fn2};
    StrObj *s[4] = {NULL, NULL, NULL, NULL};
    int nparts = 0;
    if (!IS_NULL(fn) && !IS_NONE(fn))
        nparts = (!IS_NULL(fn2) && !IS_NONE(fn2)) ? 4 : 3;
    else if (!IS_NULL(no) && !IS_NONE(no) && !IS_NULL(se) && !IS_NONE(se))
        nparts = 2;
    if (nparts == 0)
        return base_str(e);
    for (int i = 0; i < nparts; i++) {
        Value r = i < 2 ? obj_str(parts[i]) : obj_repr(parts[i]);
        if (IS_NULL(r))
            return V_NULL;
        s[i] = (StrObj *)AS_OBJ(r);
    }
    if (nparts == 2)
        return V_OBJ(str_printf("[Errno %s] %s", STR_CSTR(s[0]),
                                STR_CSTR(s[1])));
    if (nparts == 3)
        return V_OBJ(str_printf("[Errno %s] %s: %s", STR_CSTR(s[0]),
                                STR_CSTR(s[1]), STR_CSTR(s[2])));
    return V_OBJ(str_printf("[Errno %s] %s: %s -> %s", STR_CSTR(s[0]),
                            STR_CSTR(s[1]), STR_CSTR(s[2]), STR_CSTR(s[3])));
}

/* "msg (file.py, line 3)": only the last path component is shown. */
static Value syntaxerror_str(ExcObj *e)
{
    Value msg = exc_dict_get(e, rt_names.msg);
    Value fn = exc_dict_get(e, rt_names.filename);
    Value ln = exc_dict_get(e, rt_names.lineno);
    Value ms = obj_str(IS_NULL(msg) ? V_NONE : msg);
    if (IS_NULL(ms))
        return V_NULL;
    const char *m = STR_CSTR((StrObj *)AS_OBJ(ms));
    const char *file = NULL;
    if (!IS_NULL(fn) && IS_TYPE(fn, str_type)) {
        file = STR_CSTR((StrObj *)AS_OBJ(fn));
        const char *slash = strrchr(file, '/');
        if (slash)
            file = slash + 1;
    }
    int have_line = !IS_NULL(ln) && IS_INT(ln);
    if (file && have_line)
        return V_OBJ(str_printf("%s (%s, line %lld)", m, file,
                                (long long)AS_INT(ln)));
    if (file)
        return V_OBJ(str_printf("%s (%s)", m, file));
    if (have_line)
        return V_OBJ(str_printf("%s (line %lld)", m, (long long)AS_INT(ln)));
    return ms;
}

static Value exc_str(Value self)
{
    ExcObj *e = as_exc(self);
    TypeObj *t = OBJ_TYPE(e);
    if (type_is_subtype(t, &exc_KeyError))
        return keyerror_str(e);
    if (type_is_subtype(t, &exc_OSError))
        return oserror_str(e);
    if (type_is_subtype(t, &exc_SyntaxError))
        return syntaxerror_str(e);
    return base_str(e);
}

/* Name(arg) for one argument, Name(a, b) for several: the args tuple's
 * repr without the one-element comma. */
static Value exc_repr(Value self)
{
    ExcObj *e = as_exc(self);
    const char *name = OBJ_TYPE(e)->name;
    if (!e->args || e->args->n == 0)
        return V_OBJ(str_printf("%s()", name));
    Value r = obj_repr(e->args->n == 1 ? e->args->items[0] : V_OBJ(e->args));
    if (IS_NULL(r))
        return V_NULL;
    const char *rs = STR_CSTR((StrObj *)AS_OBJ(r));
    if (e->args->n == 1)
        return V_OBJ(str_printf("%s(%s)", name, rs));
    return V_OBJ(str_printf("%s%s", name, rs));
}

/* ---- attributes ---- */

static Value opt(Value v)
{
    return IS_NULL(v) ? V_NONE : v;
}

static Value exc_getattr(Value self, StrObj *name)
{
    ExcObj *e = as_exc(self);
    if (name == rt_names.args)
        return e->args ? V_OBJ(e->args) : V_OBJ(tuple_new(0));
    if (name == rt_names.traceback)
        return e->traceback ? V_OBJ(e->traceback) : V_NONE;
    if (name == rt_names.cause)
        return opt(e->cause);
    if (name == rt_names.context)
        return opt(e->context);
    if (name == rt_names.suppress_context)
        return V_BOOL(e->suppress_context);
    return obj_generic_getattr(self, name);
}

static int set_args(ExcObj *e, Value v)
{
    Value t = tuple_from_iter(v);
    if (IS_NULL(t))
        return -1;
    e->args = (TupleObj *)AS_OBJ(t);
    return 0;
}

static int set_chain(Value *slot, Value v, const char *what)
{
    if (IS_NONE(v)) {
        *slot = V_NULL;
        return 0;
    }
    if (!val_isinstance(v, &exc_BaseException)) {
        err_set(&exc_TypeError,
                "exception %s must be None or derive from BaseException",
                what);
        return -1;
    }
    *slot = v;
    return 0;
}

static int exc_setattr(Value self, StrObj *name, Value v)
{
    ExcObj *e = as_exc(self);
    if (IS_NULL(v) && (name == rt_names.args || name == rt_names.cause ||
                       name == rt_names.context)) {
        err_set(&exc_TypeError, "%s may not be deleted", STR_CSTR(name));
        return -1;
    }
    if (name == rt_names.args)
        return set_args(e, v);
    if (name == rt_names.cause) {
        e->suppress_context = 1;
        return set_chain(&e->cause, v, "cause");
    }
    if (name == rt_names.context)
        return set_chain(&e->context, v, "context");
    if (name == rt_names.suppress_context) {
        int t = obj_truthy(v);
        if (t < 0)
            return -1;
        e->suppress_context = t;
        return 0;
    }
    if (name == rt_names.traceback) {
        if (!IS_NONE(v) && !IS_TYPE(v, traceback_type)) {
            err_set(&exc_TypeError,
                    "__traceback__ must be a traceback or None");
            return -1;
        }
        e->traceback = IS_NONE(v) ? NULL : (TracebackObj *)AS_OBJ(v);
        return 0;
    }
    return obj_generic_setattr(self, name, v);
}

/* ---- methods ---- */

static int check_self(Value *args, int nargs, const char *what)
{
    if (nargs < 1 || !val_isinstance(args[0], &exc_BaseException)) {
        err_set(&exc_TypeError,
                "descriptor '%s' requires a 'BaseException' object", what);
        return -1;
    }
    return 0;
}

/* BaseException.__init__(self, *args): what super().__init__(...) in a
 * script exception class reaches. */
static Value exc_init_method(Value *args, int nargs, TupleObj *kwnames)
{
    if (check_self(args, nargs, "__init__") < 0)
        return V_NULL;
    TypeObj *t = val_type(args[0]);
    if (args_no_kw(t->name, kwnames) < 0)
        return V_NULL;
    if (exc_init_args(as_exc(args[0]), args + 1, nargs - 1) < 0)
        return V_NULL;
    return V_NONE;
}

static Value exc_str_method(Value *args, int nargs, TupleObj *kwnames)
{
    (void)kwnames;
    if (check_self(args, nargs, "__str__") < 0)
        return V_NULL;
    return exc_str(args[0]);
}

static Value exc_repr_method(Value *args, int nargs, TupleObj *kwnames)
{
    (void)kwnames;
    if (check_self(args, nargs, "__repr__") < 0)
        return V_NULL;
    return exc_repr(args[0]);
}

static Value exc_with_traceback(Value *args, int nargs, TupleObj *kwnames)
{
    (void)kwnames;
    if (check_self(args, nargs, "with_traceback") < 0 ||
        args_count("with_traceback", nargs - 1, 1, 1) < 0)
        return V_NULL;
    if (exc_setattr(args[0], rt_names.traceback, args[1]) < 0)
        return V_NULL;
    return args[0];
}

static const MethodDef exc_methods[] = {
    {"__init__", exc_init_method, NATIVE_METHOD},
    {"__str__", exc_str_method, NATIVE_METHOD},
    {"__repr__", exc_repr_method, NATIVE_METHOD},
    {"with_traceback", exc_with_traceback, NATIVE_METHOD},
    {NULL, NULL, 0},
};

void exc_init(void)
{
    size_t n = sizeof all_exc_types / sizeof all_exc_types[0];
    for (size_t i = 0; i < n; i++) {
        TypeObj *t = all_exc_types[i];
        t->name_str = str_intern_cstr(t->name);
        t->qualname = t->name_str;
        t->module = rt_names.builtins;
        type_register_static(t);
    }
    type_add_methods(&exc_BaseException, exc_methods);
}

/* The errno's subclass of OSError (for err_from_errno). */
TypeObj *exc_oserror_type(int errnum)
{
    return oserror_subclass(errnum);
}
