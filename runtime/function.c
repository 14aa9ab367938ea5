/* function.c - script functions, builtin functions, bound methods and
 * cells.
 *
 * func_type.call stays NULL here: running bytecode is the VM's job, and it
 * fills the slot at start-up.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/runtime.h"

/* ---- script functions ---- */

static void func_trace(Obj *o)
{
    FuncObj *f = (FuncObj *)o;
    gc_mark_obj((Obj *)f->code);
    gc_mark_obj((Obj *)f->globals);
    gc_mark_obj((Obj *)f->builtins);
    gc_mark_obj((Obj *)f->defaults);
    gc_mark_obj((Obj *)f->kwdefaults);
    gc_mark_obj((Obj *)f->closure);
    gc_mark_obj((Obj *)f->name);
    gc_mark_obj((Obj *)f->qualname);
    gc_mark_obj((Obj *)f->module);
    gc_mark_obj((Obj *)f->dict);
    gc_mark_value(f->doc);
}

/* CPython 3.11's convention: a function's docstring is its first
 * constant (the compiler puts None there when there is none); lambdas
 * never have one. */
static Value code_doc(CodeObj *code)
{
    if (code->nconsts < 1 || !IS_TYPE(code->consts[0], str_type))
        return V_NONE;
    if (code->name && strcmp(STR_CSTR(code->name), "<lambda>") == 0)
        return V_NONE;
    return code->consts[0];
}

static DictObj *builtins_of(DictObj *globals)
{
    if (!globals)
        return NULL;
    Value b = dict_get_str(globals, rt_names.builtins_dunder);
    if (IS_TYPE(b, dict_type))
        return (DictObj *)AS_OBJ(b);
    if (IS_TYPE(b, module_type))
        return ((ModuleObj *)AS_OBJ(b))->base.dict;
    return NULL;
}

/* What func_new reads from the globals, for the last globals dict seen:
 * a loop that makes closures does not look both names up every time.
 * Valid while the dict's version is unchanged (versions are unique over
 * all dicts, so a new dict at the same address never matches); the
 * pointers are then still held by that dict.  Only the GIL holder
 * touches it. */
static struct {
    DictObj *globals;
    uint64_t version;
    DictObj *builtins;
    StrObj *module;
} from_globals;

static void read_globals(DictObj *globals)
{
    if (from_globals.globals == globals && globals &&
        from_globals.version == globals->version)
        return;
    from_globals.builtins = builtins_of(globals);
    Value mod = globals ? dict_get_str(globals, rt_names.name) : V_NULL;
    from_globals.module = IS_TYPE(mod, str_type) ? (StrObj *)AS_OBJ(mod) : NULL;
    from_globals.globals = globals;
    from_globals.version = globals ? globals->version : 0;
}

FuncObj *func_new(CodeObj *code, DictObj *globals, StrObj *qualname)
{
    FuncObj *f = gc_alloc(&func_type, sizeof *f);
    f->code = code;
    f->globals = globals;
    read_globals(globals);
    f->builtins = from_globals.builtins;
    f->name = code->name;
    f->qualname = qualname ? qualname : code->qualname ? code->qualname
                                                       : code->name;
    f->module = from_globals.module;
    f->doc = code_doc(code);
    return f;
}

static Value func_repr(Value self)
{
    FuncObj *f = (FuncObj *)AS_OBJ(self);
    return V_OBJ(str_printf("<function %s at %p>", STR_CSTR(f->qualname),
                            (void *)f));
}

static Value func_get(Value descr, Value instance, TypeObj *owner)
{
    (void)owner;
    if (IS_NULL(instance))
        return descr;
    return method_new(descr, instance);
}

static Value opt_obj(void *p)
{
    return p ? V_OBJ(p) : V_NONE;
}

static Value func_getattr(Value self, StrObj *name)
{
    FuncObj *f = (FuncObj *)AS_OBJ(self);
    RtNames *n = &rt_names;
    if (name == n->name)
        return V_OBJ(f->name);
    if (name == n->qualname)
        return V_OBJ(f->qualname);
    if (name == n->doc)
        return f->doc;
    if (name == n->module)
        return opt_obj(f->module);
    if (name == n->defaults)
        return opt_obj(f->defaults);
    if (name == n->kwdefaults)
        return opt_obj(f->kwdefaults);
    if (name == n->code)
        return V_OBJ(f->code);
    if (name == n->globals)
        return V_OBJ(f->globals);
    if (name == n->closure)
        return opt_obj(f->closure);
    if (name == n->dict) {
        if (!f->dict)
            f->dict = dict_new();
        return V_OBJ(f->dict);
    }
    if (f->dict) {
        Value v = dict_get_str(f->dict, name);
        if (!IS_NULL(v))
            return v;
    }
    Value v = type_lookup(&func_type, name);
    if (!IS_NULL(v))
        return descr_bind(v, self, &func_type);
    if (name == n->class_)
        return V_OBJ(&func_type);
    return err_set(&exc_AttributeError,
                   "'function' object has no attribute '%s'", STR_CSTR(name));
}

static int func_set_str(StrObj **slot, Value v, const char *what)
{
    if (!IS_TYPE(v, str_type)) {
        err_set(&exc_TypeError, "%s must be set to a string object", what);
        return -1;
    }
    *slot = (StrObj *)AS_OBJ(v);
    return 0;
}

static int func_setattr(Value self, StrObj *name, Value v)
{
    FuncObj *f = (FuncObj *)AS_OBJ(self);
    RtNames *n = &rt_names;
    if (IS_NULL(v) && (name == n->name || name == n->qualname)) {
        err_set(&exc_TypeError, "%s must be set to a string object",
                STR_CSTR(name));
        return -1;
    }
    if (name == n->name)
        return func_set_str(&f->name, v, "__name__");
    if (name == n->qualname)
        return func_set_str(&f->qualname, v, "__qualname__");
    if (name == n->doc) {
        f->doc = IS_NULL(v) ? V_NONE : v;
        return 0;
    }
    if (name == n->module) {
        f->module = IS_TYPE(v, str_type) ? (StrObj *)AS_OBJ(v) : NULL;
        return 0;
    }
    if (name == n->defaults) {
        if (!IS_NULL(v) && !IS_NONE(v) && !IS_TYPE(v, tuple_type)) {
            err_set(&exc_TypeError, "__defaults__ must be set to a tuple object");
            return -1;
        }
        f->defaults = IS_TYPE(v, tuple_type) ? (TupleObj *)AS_OBJ(v) : NULL;
        return 0;
    }
    if (!f->dict)
        f->dict = dict_new();
    if (IS_NULL(v)) {
        if (IS_NULL(dict_get_str(f->dict, name))) {
            err_set(&exc_AttributeError,
                    "'function' object has no attribute '%s'", STR_CSTR(name));
            return -1;
        }
        return dict_del(f->dict, V_OBJ(name));
    }
    return dict_set_str(f->dict, name, v);
}

static int identity_hash(Value self, int64_t *out)
{
    *out = (int64_t)((uintptr_t)AS_OBJ(self) >> 4);
    return 0;
}

TypeObj func_type = {
    TYPE_OBJ_HEAD,
    .name = "function",
    .base = &object_type,
    .instance_size = sizeof(FuncObj),
    .trace = func_trace,
    .repr = func_repr,
    .hash = identity_hash,
    .getattr = func_getattr,
    .setattr = func_setattr,
    .descr_get = func_get,
};

/* ---- builtin functions ---- */

static void native_trace(Obj *o)
{
    gc_mark_value(((NativeObj *)o)->self);
}

Value native_new(const char *name, NativeFn fn, Value self, int flags)
{
    NativeObj *n = gc_alloc(&native_type, sizeof *n);
    n->name = name;
    n->fn = fn;
    n->self = self;
    n->flags = flags;
    return V_OBJ(n);
}

static Value native_call(Value self, Value *args, int nargs,
                         TupleObj *kwnames)
{
    NativeObj *n = (NativeObj *)AS_OBJ(self);
    if (IS_NULL(n->self))
        return n->fn(args, nargs, kwnames);
    /* Bound: the receiver goes first, as for a method called through its
     * type.  Small calls use a stack buffer. */
    size_t total = (size_t)nargs + (kwnames ? kwnames->n : 0);
    Value small[9];
    Value *buf = total + 1 <= 9 ? small : malloc((total + 1) * sizeof *buf);
    if (!buf)
        return err_no_memory();
    buf[0] = n->self;
    if (total)
        memcpy(buf + 1, args, total * sizeof *buf);
    Value r = n->fn(buf, nargs + 1, kwnames);
    if (buf != small)
        free(buf);
    return r;
}

static Value native_get(Value descr, Value instance, TypeObj *owner)
{
    NativeObj *n = (NativeObj *)AS_OBJ(descr);
    if (!IS_NULL(n->self))
        return descr;
    if (n->flags & NATIVE_CLASSMETHOD) {
        Value cls = owner ? V_OBJ(owner) : V_OBJ(val_type(instance));
        return native_new(n->name, n->fn, cls, n->flags);
    }
    if ((n->flags & NATIVE_METHOD) && !IS_NULL(instance))
        return native_new(n->name, n->fn, instance, n->flags);
    return descr;
}

static const char *self_type_name(Value self)
{
    if (IS_OBJ(self) && val_isinstance(self, &type_type))
        return "type";
    return obj_type_name(self);
}

static Value native_repr(Value self)
{
    NativeObj *n = (NativeObj *)AS_OBJ(self);
    if (!IS_NULL(n->self) && !IS_TYPE(n->self, module_type))
        return V_OBJ(str_printf("<built-in method %s of %s object at %p>",
                                n->name, self_type_name(n->self),
                                IS_OBJ(n->self) ? (void *)AS_OBJ(n->self)
                                                : (void *)n));
    return V_OBJ(str_printf("<built-in function %s>", n->name));
}

static Value native_getattr(Value self, StrObj *name)
{
    NativeObj *n = (NativeObj *)AS_OBJ(self);
    if (name == rt_names.name || name == rt_names.qualname)
        return V_OBJ(str_intern_cstr(n->name));
    if (name == rt_names.self)
        return IS_NULL(n->self) ? V_NONE : n->self;
    if (name == rt_names.doc)
        return V_NONE;
    if (name == rt_names.module) {
        if (!IS_NULL(n->self) && !IS_TYPE(n->self, module_type))
            return V_NONE;
        return V_OBJ(str_intern_cstr(n->module ? n->module : "builtins"));
    }
    return obj_generic_getattr(self, name);
}

static Value native_richcmp(Value a, Value b, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || !IS_TYPE(b, native_type))
        return V_NOTIMPL;
    NativeObj *x = (NativeObj *)AS_OBJ(a), *y = (NativeObj *)AS_OBJ(b);
    int eq = x->fn == y->fn && val_is(x->self, y->self);
    return V_BOOL(op == CMP_EQ ? eq : !eq);
}

static int native_hash(Value self, int64_t *out)
{
    NativeObj *n = (NativeObj *)AS_OBJ(self);
    *out = (int64_t)(((uintptr_t)n->fn >> 4) ^ (uintptr_t)n->self.as.i);
    if (*out == -1)
        *out = -2;
    return 0;
}

TypeObj native_type = {
    TYPE_OBJ_HEAD,
    .name = "builtin_function_or_method",
    .base = &object_type,
    .instance_size = sizeof(NativeObj),
    .trace = native_trace,
    .repr = native_repr,
    .hash = native_hash,
    .richcmp = native_richcmp,
    .getattr = native_getattr,
    .call = native_call,
    .descr_get = native_get,
};

void type_add_methods(TypeObj *t, const MethodDef *defs)
{
    DictObj *d = type_dict(t);
    for (; defs->name; defs++) {
        Value f = native_new(defs->name, defs->fn, V_NULL, defs->flags);
        dict_set_str(d, str_intern_cstr(defs->name), f);
    }
}

/* ---- bound methods ---- */

static void method_trace(Obj *o)
{
    MethodObj *m = (MethodObj *)o;
    gc_mark_value(m->self);
    gc_mark_value(m->func);
}

Value method_new(Value func, Value self)
{
    MethodObj *m = gc_alloc(&method_type, sizeof *m);
    m->func = func;
    m->self = self;
    return V_OBJ(m);
}

static Value method_call(Value self, Value *args, int nargs,
                         TupleObj *kwnames)
{
    MethodObj *m = (MethodObj *)AS_OBJ(self);
    return type_call_with_self(m->func, m->self, args, nargs, kwnames);
}

static Value method_repr(Value self)
{
    MethodObj *m = (MethodObj *)AS_OBJ(self);
    Value qn;
    if (obj_lookup_attr(m->func, rt_names.qualname, &qn) < 0)
        return V_NULL;
    if (IS_NULL(qn) || !IS_TYPE(qn, str_type))
        qn = V_OBJ(str_intern_cstr("?"));
    Value sr = obj_repr(m->self);
    if (IS_NULL(sr))
        return V_NULL;
    return V_OBJ(str_printf("<bound method %s of %s>",
                            STR_CSTR((StrObj *)AS_OBJ(qn)),
                            STR_CSTR((StrObj *)AS_OBJ(sr))));
}

static Value method_getattr(Value self, StrObj *name)
{
    MethodObj *m = (MethodObj *)AS_OBJ(self);
    if (name == rt_names.self)
        return m->self;
    if (name == rt_names.func)
        return m->func;
    if (name == rt_names.class_)
        return V_OBJ(&method_type);
    /* Everything else (__name__, __doc__, function attributes) is the
     * function's. */
    return obj_getattr(m->func, name);
}

static Value method_richcmp(Value a, Value b, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || !IS_TYPE(b, method_type))
        return V_NOTIMPL;
    MethodObj *x = (MethodObj *)AS_OBJ(a), *y = (MethodObj *)AS_OBJ(b);
    int eq = val_is(x->self, y->self);
    if (eq) {
        eq = obj_eq(x->func, y->func);
        if (eq < 0)
            return V_NULL;
    }
    return V_BOOL(op == CMP_EQ ? eq : !eq);
}

static int method_hash(Value self, int64_t *out)
{
    MethodObj *m = (MethodObj *)AS_OBJ(self);
    int64_t h;
    if (obj_hash(m->func, &h) < 0)
        return -1;
    *out = h ^ (int64_t)((uintptr_t)m->self.as.i >> 4);
    if (*out == -1)
        *out = -2;
    return 0;
}

TypeObj method_type = {
    TYPE_OBJ_HEAD,
    .name = "method",
    .base = &object_type,
    .instance_size = sizeof(MethodObj),
    .trace = method_trace,
    .repr = method_repr,
    .hash = method_hash,
    .richcmp = method_richcmp,
    .getattr = method_getattr,
    .call = method_call,
};

/* ---- cells ---- */

static void cell_trace(Obj *o)
{
    gc_mark_value(((CellObj *)o)->v);
}

CellObj *cell_new(Value v)
{
    CellObj *c = gc_alloc(&cell_type, sizeof *c);
    c->v = v;
    return c;
}

static Value cell_repr(Value self)
{
    CellObj *c = (CellObj *)AS_OBJ(self);
    if (IS_NULL(c->v))
        return V_OBJ(str_printf("<cell at %p: empty>", (void *)c));
    return V_OBJ(str_printf("<cell at %p: %s object at %p>", (void *)c,
                            obj_type_name(c->v),
                            IS_OBJ(c->v) ? (void *)AS_OBJ(c->v) : (void *)c));
}

static Value cell_getattr(Value self, StrObj *name)
{
    CellObj *c = (CellObj *)AS_OBJ(self);
    if (strcmp(STR_CSTR(name), "cell_contents") == 0) {
        if (IS_NULL(c->v))
            return err_set(&exc_ValueError, "Cell is empty");
        return c->v;
    }
    return obj_generic_getattr(self, name);
}

TypeObj cell_type = {
    TYPE_OBJ_HEAD,
    .name = "cell",
    .base = &object_type,
    .instance_size = sizeof(CellObj),
    .trace = cell_trace,
    .repr = cell_repr,
    .getattr = cell_getattr,
};

void func_init(void)
{
    type_register_static(&func_type);
    type_register_static(&native_type);
    type_register_static(&method_type);
    type_register_static(&cell_type);
}
