/* call.c - calling script functions.
 *
 * Binding arguments to parameters follows CPython 3.11's order and
 * messages exactly: positional arguments first, then keywords (unexpected
 * or duplicate names), then too many positionals, then missing
 * positionals (after defaults), then missing keyword-only arguments.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/vm.h"

/* How deeply loops may nest on the C stack (natives calling back into
 * script code: __repr__, sorted keys, ...).  Python-to-Python calls do
 * not nest, so this bounds only C recursion, to fail with RecursionError
 * well before the C stack overflows even with a raised recursion limit. */
#define VM_MAX_NESTING 2000
static _Thread_local int eval_nesting;

static const char *fn_qualname(FuncObj *fn)
{
    if (fn->qualname != NULL)
        return STR_CSTR(fn->qualname);
    return fn->code->qualname != NULL ? STR_CSTR(fn->code->qualname) : "?";
}

/* 'a'; 'a' and 'b'; 'a', 'b', and 'c' -- CPython's list of missing names. */
static void format_names(char *buf, size_t n, StrObj **names, int count)
{
    size_t len = 0;
    buf[0] = '\0';
    for (int i = 0; i < count && len < n; i++) {
        const char *sep = "";
        if (i > 0)
            sep = count == 2 ? " and " : (i == count - 1 ? ", and " : ", ");
        len += (size_t)snprintf(buf + len, n - len, "%s'%s'", sep,
                                STR_CSTR(names[i]));
    }
}

static int missing_error(FuncObj *fn, const char *kind, StrObj **names,
                         int count)
{
    char list[512];
    format_names(list, sizeof list, names, count);
    err_set(&exc_TypeError, "%s() missing %d required %s argument%s: %s",
            fn_qualname(fn), count, kind, count == 1 ? "" : "s", list);
    return -1;
}

static int too_many_positional(FuncObj *fn, Value *loc, int given)
{
    CodeObj *co = fn->code;
    int argc = co->argcount;
    int ndef = fn->defaults != NULL ? (int)fn->defaults->n : 0;
    int kwgiven = 0;
    for (int i = argc; i < argc + co->kwonlyargcount; i++)
        kwgiven += !IS_NULL(loc[i]);
    char sig[64], kwsig[128] = "";
    if (ndef > 0)
        snprintf(sig, sizeof sig, "from %d to %d", argc - ndef, argc);
    else
        snprintf(sig, sizeof sig, "%d", argc);
    if (kwgiven > 0)
        snprintf(kwsig, sizeof kwsig,
                 " positional argument%s (and %d keyword-only argument%s)",
                 given != 1 ? "s" : "", kwgiven, kwgiven != 1 ? "s" : "");
    err_set(&exc_TypeError,
            "%s() takes %s positional argument%s but %d%s %s given",
            fn_qualname(fn), sig, argc == 1 && ndef == 0 ? "" : "s", given,
            kwsig, given == 1 && kwgiven == 0 ? "was" : "were");
    return -1;
}

static int find_param(CodeObj *co, StrObj *name, int total)
{
    for (int j = 0; j < total; j++)
        if (co->varnames[j] == name)
            return j;
    /* Keyword names built at run time (f(**d)) may not be interned. */
    for (int j = 0; j < total; j++)
        if (str_eq(co->varnames[j], name))
            return j;
    return -1;
}

static int bind_keywords(FuncObj *fn, Value *loc, Value *kwvals,
                         TupleObj *kwnames, DictObj *kwdict)
{
    CodeObj *co = fn->code;
    int total = co->argcount + co->kwonlyargcount;
    for (size_t i = 0; i < kwnames->n; i++) {
        StrObj *name = (StrObj *)AS_OBJ(kwnames->items[i]);
        int j = find_param(co, name, total);
        if (j < 0) {
            if (kwdict == NULL) {
                err_set(&exc_TypeError,
                        "%s() got an unexpected keyword argument '%s'",
                        fn_qualname(fn), STR_CSTR(name));
                return -1;
            }
            if (dict_set(kwdict, V_OBJ(name), kwvals[i]) < 0)
                return -1;
            continue;
        }
        if (!IS_NULL(loc[j])) {
            err_set(&exc_TypeError,
                    "%s() got multiple values for argument '%s'",
                    fn_qualname(fn), STR_CSTR(name));
            return -1;
        }
        loc[j] = kwvals[i];
    }
    return 0;
}

static int fill_defaults(FuncObj *fn, Value *loc, int npos)
{
    CodeObj *co = fn->code;
    int argc = co->argcount;
    int ndef = fn->defaults != NULL ? (int)fn->defaults->n : 0;
    StrObj *missing[256];
    int nmissing = 0;
    for (int i = npos; i < argc; i++) {
        if (!IS_NULL(loc[i]))
            continue;
        int d = i - (argc - ndef);
        if (d >= 0)
            loc[i] = fn->defaults->items[d];
        else if (nmissing < 256)
            missing[nmissing++] = co->varnames[i];
    }
    if (nmissing > 0)
        return missing_error(fn, "positional", missing, nmissing);
    for (int i = argc; i < argc + co->kwonlyargcount; i++) {
        if (!IS_NULL(loc[i]))
            continue;
        Value d = fn->kwdefaults != NULL
                      ? dict_get_str(fn->kwdefaults, co->varnames[i])
                      : V_NULL;
        if (!IS_NULL(d))
            loc[i] = d;
        else if (nmissing < 256)
            missing[nmissing++] = co->varnames[i];
    }
    if (nmissing > 0)
        return missing_error(fn, "keyword-only", missing, nmissing);
    return 0;
}

static int bind_args(Frame *f, FuncObj *fn, Value *args, int nargs,
                     TupleObj *kwnames)
{
    CodeObj *co = fn->code;
    Value *loc = f->slots;
    int argc = co->argcount;
    int total = argc + co->kwonlyargcount;
    int has_varargs = (co->flags & CO_VARARGS) != 0;
    DictObj *kwdict = NULL;
    if (co->flags & CO_VARKEYWORDS) {
        kwdict = dict_new();
        loc[total + has_varargs] = V_OBJ(kwdict);
    }
    int npos = nargs < argc ? nargs : argc;
    for (int i = 0; i < npos; i++)
        loc[i] = args[i];
    if (has_varargs) {
        int nextra = nargs - npos;
        TupleObj *t = tuple_new((size_t)nextra);
        for (int i = 0; i < nextra; i++)
            t->items[i] = args[npos + i];
        loc[total] = V_OBJ(t);
    }
    if (kwnames != NULL && kwnames->n > 0 &&
        bind_keywords(fn, loc, args + nargs, kwnames, kwdict) < 0)
        return -1;
    if (nargs > argc && !has_varargs)
        return too_many_positional(fn, loc, nargs);
    return fill_defaults(fn, loc, npos);
}

/* Cells for the variables this frame's nested functions capture, then the
 * cells this function captured itself. */
static void init_cells(Frame *f, FuncObj *fn)
{
    CodeObj *co = fn->code;
    Value *cells = FRAME_CELLS(f);
    for (int i = 0; i < co->ncells; i++) {
        int arg = co->cell2arg != NULL ? co->cell2arg[i] : -1;
        Value init = V_NULL;
        if (arg >= 0) {
            init = f->slots[arg];
            f->slots[arg] = V_NULL;
        }
        cells[i] = V_OBJ(cell_new(init));
    }
    for (int i = 0; i < co->nfrees; i++)
        cells[co->ncells + i] = fn->closure != NULL && (size_t)i < fn->closure->n
                                    ? fn->closure->items[i]
                                    : V_OBJ(cell_new(V_NULL));
}

Frame *vm_frame_for_call(FuncObj *fn, Value *args, int nargs,
                         TupleObj *kwnames)
{
    CodeObj *co = fn->code;
    DictObj *b = fn->builtins != NULL ? fn->builtins : vm_builtins();
    Frame *f = vm_frame_new(co, fn->globals, b, NULL, fn);
    if (bind_args(f, fn, args, nargs, kwnames) < 0) {
        vm_frame_release(f);
        return NULL;
    }
    if (co->ncells + co->nfrees > 0)
        init_cells(f, fn);
    return f;
}

Value vm_run_frame(Frame *f)
{
    ThreadState *ts = ts_current;
    if (ts->depth >= ts_recursion_limit || eval_nesting >= VM_MAX_NESTING) {
        vm_frame_release(f);
        return err_set(&exc_RecursionError,
                       "maximum recursion depth exceeded");
    }
    f->back = ts->frame;
    ts->frame = f;
    ts->depth++;
    eval_nesting++;
    Value r = vm_eval(f, 0);
    eval_nesting--;
    ts->depth--;
    ts->frame = f->back;
    vm_frame_release(f);
    return r;
}

Value vm_func_call(Value self, Value *args, int nargs, TupleObj *kwnames)
{
    FuncObj *fn = (FuncObj *)AS_OBJ(self);
    Frame *f = vm_frame_for_call(fn, args, nargs, kwnames);
    if (f == NULL)
        return V_NULL;
    if (fn->code->flags & CO_GENERATOR)
        return gen_new(f, fn);
    return vm_run_frame(f);
}

Value vm_call(Value callable, Value *args, int nargs, TupleObj *kwnames)
{
    return obj_call(callable, args, nargs, kwnames);
}

/* CPython's _PyObject_FunctionStr: "__main__.f()" for script functions,
 * "print()" for builtins, "__main__.C()" for classes. */
const char *vm_func_name(Value callable, char *buf, size_t n)
{
    if (IS_TYPE(callable, func_type)) {
        FuncObj *fn = (FuncObj *)AS_OBJ(callable);
        const char *mod = fn->module != NULL ? STR_CSTR(fn->module) : NULL;
        if (mod != NULL && strcmp(mod, "builtins") != 0)
            snprintf(buf, n, "%s.%s()", mod, fn_qualname(fn));
        else
            snprintf(buf, n, "%s()", fn_qualname(fn));
    } else if (IS_TYPE(callable, native_type)) {
        snprintf(buf, n, "%s()", ((NativeObj *)AS_OBJ(callable))->name);
    } else if (IS_TYPE(callable, method_type)) {
        return vm_func_name(((MethodObj *)AS_OBJ(callable))->func, buf, n);
    } else if (IS_OBJ(callable) && val_isinstance(callable, &type_type) == 1) {
        TypeObj *t = (TypeObj *)AS_OBJ(callable);
        if (t->flags & TF_HEAPTYPE && t->module != NULL)
            snprintf(buf, n, "%s.%s()", STR_CSTR(t->module), t->name);
        else
            snprintf(buf, n, "%s()", t->name);
    } else {
        snprintf(buf, n, "%s object", val_type_name(callable));
    }
    return buf;
}

static Value star_args_tuple(Value callable, Value args)
{
    if (IS_TYPE(args, tuple_type))
        return args;
    if (val_type(args)->iter == NULL) {
        char name[256];
        return err_set(&exc_TypeError,
                       "%s argument after * must be an iterable, not %s",
                       vm_func_name(callable, name, sizeof name),
                       val_type_name(args));
    }
    return tuple_from_iter(args);
}

/* Split a **kwargs dict into vectorcall form: values appended to buf
 * after the positionals and a tuple of names. */
static TupleObj *kw_split(Value callable, Value kwargs, Value *buf)
{
    if (!IS_TYPE(kwargs, dict_type)) {
        char name[256];
        err_set(&exc_TypeError, "%s argument after ** must be a mapping, not %s",
                vm_func_name(callable, name, sizeof name),
                val_type_name(kwargs));
        return NULL;
    }
    DictObj *d = (DictObj *)AS_OBJ(kwargs);
    TupleObj *names = tuple_new(d->used);
    size_t pos = 0, i = 0;
    Value k, v;
    while (dict_next(d, &pos, &k, &v)) {
        if (!IS_TYPE(k, str_type)) {
            err_set(&exc_TypeError, "keywords must be strings");
            return NULL;
        }
        names->items[i] = k;
        buf[i++] = v;
    }
    return names;
}

Value vm_call_ex(Value callable, Value args, Value kwargs)
{
    Value tup = star_args_tuple(callable, args);
    if (IS_NULL(tup))
        return V_NULL;
    TupleObj *t = (TupleObj *)AS_OBJ(tup);
    size_t nkw = 0;
    if (!IS_NULL(kwargs) && IS_TYPE(kwargs, dict_type))
        nkw = ((DictObj *)AS_OBJ(kwargs))->used;
    if (nkw == 0 && (IS_NULL(kwargs) || IS_TYPE(kwargs, dict_type)))
        return obj_call(callable, t->items, (int)t->n, NULL);
    size_t n = t->n + nkw;
    Value small[16];
    Value *buf = n <= 16 ? small : malloc(n * sizeof(Value));
    if (buf == NULL)
        return err_no_memory();
    memcpy(buf, t->items, t->n * sizeof(Value));
    TupleObj *names = kw_split(callable, kwargs, buf + t->n);
    Value r = V_NULL;
    if (names != NULL) {
        /* The tuple and dict stay on the caller's value stack; only the
         * fresh names tuple needs rooting across the call. */
        Value root = V_OBJ(names);
        gc_root_push(&root);
        r = obj_call(callable, buf, (int)t->n, names);
        gc_root_pop(1);
    }
    if (buf != small)
        free(buf);
    return r;
}
