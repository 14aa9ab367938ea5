/* getset.c - computed attributes of builtin types (CPython's
 * getset_descriptor): `(3).real`, `(2.5).imag`, `int.numerator` shows
 * `<attribute 'numerator' of 'int' objects>`.  Read-only: assigning or
 * deleting one raises CPython's AttributeError.
 */
#include "runtime/runtime.h"

typedef struct GetSetObj {
    Obj hdr;
    TypeObj *owner;
    StrObj *name;
    GetterFn get;
} GetSetObj;

static void getset_trace(Obj *o)
{
    GetSetObj *g = (GetSetObj *)o;
    gc_mark_obj((Obj *)g->owner);
    gc_mark_obj((Obj *)g->name);
}

static Value getset_repr(Value self)
{
    GetSetObj *g = (GetSetObj *)AS_OBJ(self);
    return V_OBJ(str_printf("<attribute '%s' of '%s' objects>",
                            STR_CSTR(g->name), g->owner->name));
}

static Value getset_get(Value self, Value obj, TypeObj *owner)
{
    (void)owner;
    GetSetObj *g = (GetSetObj *)AS_OBJ(self);
    if (IS_NULL(obj) || IS_NONE(obj))
        return self;
    if (!val_isinstance(obj, g->owner))
        return err_set(&exc_TypeError,
                       "descriptor '%s' for '%s' objects doesn't apply to a "
                       "'%s' object", STR_CSTR(g->name), g->owner->name,
                       val_type_name(obj));
    return g->get(obj);
}

int getset_set(Value self, Value obj, Value v)
{
    (void)obj;
    (void)v;
    GetSetObj *g = (GetSetObj *)AS_OBJ(self);
    err_set(&exc_AttributeError, "attribute '%s' of '%s' objects is not "
            "writable", STR_CSTR(g->name), g->owner->name);
    return -1;
}

static Value getset_getattr(Value self, StrObj *name)
{
    GetSetObj *g = (GetSetObj *)AS_OBJ(self);
    if (name == rt_names.name)
        return V_OBJ(g->name);
    return obj_generic_getattr(self, name);
}

static int getset_self(Value *args, int nargs, int lo, int hi,
                       const char *what)
{
    if (nargs < 1 || !IS_TYPE(args[0], getset_type)) {
        err_set(&exc_TypeError, "descriptor '%s' requires a "
                "'getset_descriptor' object", what);
        return -1;
    }
    return args_count(what, nargs - 1, lo, hi);
}

static Value getset_get_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (args_no_kw("__get__", kwnames) < 0 ||
        getset_self(args, nargs, 1, 2, "__get__") < 0)
        return V_NULL;
    return getset_get(args[0], args[1], NULL);
}

static Value getset_set_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (args_no_kw("__set__", kwnames) < 0 ||
        getset_self(args, nargs, 2, 2, "__set__") < 0)
        return V_NULL;
    return getset_set(args[0], args[1], args[2]) < 0 ? V_NULL : V_NONE;
}

static Value getset_delete_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (args_no_kw("__delete__", kwnames) < 0 ||
        getset_self(args, nargs, 1, 1, "__delete__") < 0)
        return V_NULL;
    return getset_set(args[0], args[1], V_NULL) < 0 ? V_NULL : V_NONE;
}

static const MethodDef getset_methods[] = {
    {"__get__", getset_get_m, NATIVE_METHOD},
    {"__set__", getset_set_m, NATIVE_METHOD},
    {"__delete__", getset_delete_m, NATIVE_METHOD},
    {NULL, NULL, 0},
};

TypeObj getset_type = {
    TYPE_OBJ_HEAD,
    .name = "getset_descriptor",
    .base = &object_type,
    .instance_size = sizeof(GetSetObj),
    .trace = getset_trace,
    .repr = getset_repr,
    .getattr = getset_getattr,
    .descr_get = getset_get,
};

void getset_init(void)
{
    type_add_methods(&getset_type, getset_methods);
}

void type_add_getsets(TypeObj *t, const GetSetDef *defs)
{
    for (; defs->name != NULL; defs++) {
        GetSetObj *g = gc_alloc(&getset_type, sizeof *g);
        g->owner = t;
        g->name = str_intern_cstr(defs->name);
        g->get = defs->get;
        dict_set_str(type_dict(t), g->name, V_OBJ(g));
    }
}
