/* descr.c - descriptors: property, staticmethod, classmethod, super, and
 * the slot wrappers that expose a builtin type's C slots as dunder
 * methods (int.__add__, object.__repr__, super().__eq__ ...).
 */
#include <stdio.h>
#include <string.h>

#include "runtime/runtime.h"

/* ---- property ---- */

typedef struct PropertyObj {
    Obj hdr;
    Value fget, fset, fdel, doc; /* None when absent */
    StrObj *name; /* set by the class statement (descr_set_names), or NULL */
} PropertyObj;

static void property_trace(Obj *o)
{
    PropertyObj *p = (PropertyObj *)o;
    gc_mark_value(p->fget);
    gc_mark_value(p->fset);
    gc_mark_value(p->fdel);
    gc_mark_value(p->doc);
    gc_mark_obj((Obj *)p->name);
}

/* CPython 3.11's AttributeError for a missing accessor ("getter",
 * "setter", "deleter"): the property's name only when the class
 * statement gave it one, and the instance type's qualified name. */
static void missing_accessor(PropertyObj *p, Value obj, const char *what)
{
    TypeObj *t = val_type(obj);
    const char *qn = t->qualname ? STR_CSTR(t->qualname) : t->name;
    if (p->name)
        err_set(&exc_AttributeError, "property '%s' of '%s' object has no %s",
                STR_CSTR(p->name), qn, what);
    else
        err_set(&exc_AttributeError, "property of '%s' object has no %s", qn,
                what);
}

/* v.__set_name__(owner, name) failed: CPython 3.11's RuntimeError with
 * the error as its cause. */
static int set_name_failed(Value v, Value name, TypeObj *owner)
{
    Value cause = err_fetch();
    Value r = obj_repr(name);
    if (IS_NULL(r))
        return -1;
    err_set(&exc_RuntimeError, "Error calling __set_name__ on '%s' instance "
            "%s in '%s'", val_type_name(v), STR_CSTR((StrObj *)AS_OBJ(r)),
            owner->name);
    ExcObj *e = (ExcObj *)AS_OBJ(err_peek());
    e->cause = cause;
    e->context = cause;
    e->suppress_context = 1;
    return -1;
}

int descr_set_names(TypeObj *t, DictObj *ns)
{
    size_t pos = 0;
    Value k, v;
    while (dict_next(ns, &pos, &k, &v))
        if (IS_TYPE(v, property_type) && IS_TYPE(k, str_type))
            ((PropertyObj *)AS_OBJ(v))->name = str_intern((StrObj *)AS_OBJ(k));
    /* A copy: a __set_name__ may change the class namespace.  The class
     * is not referenced from anywhere yet: it is rooted here while
     * scripts run. */
    Value owner = V_OBJ(t);
    gc_root_push(&owner);
    Value copy = V_OBJ(dict_copy(ns));
    gc_root_push(&copy);
    StrObj *set_name = str_intern_cstr("__set_name__");
    int rc = 0;
    pos = 0;
    while (rc == 0 && dict_next((DictObj *)AS_OBJ(copy), &pos, &k, &v)) {
        if (!IS_OBJ(v) || !(val_type(v)->flags & TF_HEAPTYPE))
            continue;
        Value f = type_lookup(val_type(v), set_name);
        if (IS_NULL(f))
            continue;
        Value args[3] = {v, V_OBJ(t), k};
        if (IS_NULL(obj_call(f, args, 3, NULL)))
            rc = set_name_failed(v, k, t);
    }
    gc_root_pop(2);
    return rc;
}

static Value property_get(Value descr, Value instance, TypeObj *owner)
{
    (void)owner;
    PropertyObj *p = (PropertyObj *)AS_OBJ(descr);
    if (IS_NULL(instance))
        return descr;
    if (IS_NONE(p->fget)) {
        missing_accessor(p, instance, "getter");
        return V_NULL;
    }
    return obj_call1(p->fget, instance);
}

int descr_property_set(Value prop, Value obj, Value v)
{
    PropertyObj *p = (PropertyObj *)AS_OBJ(prop);
    Value f = IS_NULL(v) ? p->fdel : p->fset;
    if (IS_NONE(f)) {
        missing_accessor(p, obj, IS_NULL(v) ? "deleter" : "setter");
        return -1;
    }
    Value r = IS_NULL(v) ? obj_call1(f, obj) : obj_call2(f, obj, v);
    return IS_NULL(r) ? -1 : 0;
}

static PropertyObj *property_alloc(Value fget, Value fset, Value fdel,
                                   Value doc)
{
    PropertyObj *p = gc_alloc(&property_type, sizeof *p);
    p->fget = fget;
    p->fset = fset;
    p->fdel = fdel;
    p->doc = doc;
    return p;
}

static Value property_new(Value self, Value *args, int nargs,
                          TupleObj *kwnames)
{
    (void)self;
    static const char *const names[] = {"fget", "fset", "fdel", "doc"};
    Value out[4];
    if (args_bind("property", args, nargs, kwnames, names, 4, 4, 0, out) < 0)
        return V_NULL;
    for (int i = 0; i < 4; i++)
        if (IS_NULL(out[i]))
            out[i] = V_NONE;
    /* Like CPython, a property without doc takes the getter's. */
    if (IS_NONE(out[3]) && IS_TYPE(out[0], func_type))
        out[3] = ((FuncObj *)AS_OBJ(out[0]))->doc;
    return V_OBJ(property_alloc(out[0], out[1], out[2], out[3]));
}

/* .getter/.setter/.deleter return a copy with one accessor replaced. */
static Value property_copy_with(Value *args, int nargs, int which,
                                const char *name)
{
    if (nargs != 2 || !IS_TYPE(args[0], property_type))
        return err_set(&exc_TypeError, "%s() takes exactly one argument",
                       name);
    PropertyObj *p = (PropertyObj *)AS_OBJ(args[0]);
    Value f[3] = {p->fget, p->fset, p->fdel};
    f[which] = args[1];
    PropertyObj *copy = property_alloc(f[0], f[1], f[2], p->doc);
    copy->name = p->name;
    return V_OBJ(copy);
}

static Value property_getter(Value *args, int nargs, TupleObj *kw)
{
    (void)kw;
    return property_copy_with(args, nargs, 0, "getter");
}

static Value property_setter(Value *args, int nargs, TupleObj *kw)
{
    (void)kw;
    return property_copy_with(args, nargs, 1, "setter");
}

static Value property_deleter(Value *args, int nargs, TupleObj *kw)
{
    (void)kw;
    return property_copy_with(args, nargs, 2, "deleter");
}

static const MethodDef property_methods[] = {
    {"getter", property_getter, NATIVE_METHOD},
    {"setter", property_setter, NATIVE_METHOD},
    {"deleter", property_deleter, NATIVE_METHOD},
    {NULL, NULL, 0},
};

static Value property_getattr(Value self, StrObj *name)
{
    PropertyObj *p = (PropertyObj *)AS_OBJ(self);
    if (name == rt_names.fget)
        return p->fget;
    if (name == rt_names.fset)
        return p->fset;
    if (name == rt_names.fdel)
        return p->fdel;
    if (name == rt_names.doc)
        return p->doc;
    return obj_generic_getattr(self, name);
}

TypeObj property_type = {
    TYPE_OBJ_HEAD,
    .name = "property",
    .base = &object_type,
    .flags = TF_BASETYPE,
    .instance_size = sizeof(PropertyObj),
    .trace = property_trace,
    .getattr = property_getattr,
    .descr_get = property_get,
    .new_ = property_new,
};

/* ---- staticmethod and classmethod ---- */

typedef struct WrapObj {
    Obj hdr;
    Value func;
} WrapObj;

static void wrap_trace(Obj *o)
{
    gc_mark_value(((WrapObj *)o)->func);
}

static Value wrap_new(TypeObj *t, Value *args, int nargs, TupleObj *kwnames)
{
    if (args_no_kw(t->name, kwnames) < 0 ||
        args_count(t->name, nargs, 1, 1) < 0)
        return V_NULL;
    WrapObj *w = gc_alloc(t, sizeof *w);
    w->func = args[0];
    return V_OBJ(w);
}

static Value staticmethod_new(Value self, Value *args, int nargs,
                              TupleObj *kwnames)
{
    (void)self;
    return wrap_new(&staticmethod_type, args, nargs, kwnames);
}

static Value classmethod_new(Value self, Value *args, int nargs,
                             TupleObj *kwnames)
{
    (void)self;
    return wrap_new(&classmethod_type, args, nargs, kwnames);
}

static Value staticmethod_get(Value descr, Value instance, TypeObj *owner)
{
    (void)instance;
    (void)owner;
    return ((WrapObj *)AS_OBJ(descr))->func;
}

static Value classmethod_get(Value descr, Value instance, TypeObj *owner)
{
    if (!owner)
        owner = val_type(instance);
    return method_new(((WrapObj *)AS_OBJ(descr))->func, V_OBJ(owner));
}

/* A staticmethod is callable itself since 3.10. */
static Value staticmethod_call(Value self, Value *args, int nargs,
                               TupleObj *kwnames)
{
    return obj_call(((WrapObj *)AS_OBJ(self))->func, args, nargs, kwnames);
}

static Value wrap_getattr(Value self, StrObj *name)
{
    Value f = ((WrapObj *)AS_OBJ(self))->func;
    if (name == rt_names.func)
        return f;
    if (name == rt_names.doc || name == rt_names.name ||
        name == rt_names.qualname)
        return obj_getattr(f, name);
    return obj_generic_getattr(self, name);
}

static Value wrap_repr(Value self)
{
    Value r = obj_repr(((WrapObj *)AS_OBJ(self))->func);
    if (IS_NULL(r))
        return V_NULL;
    return V_OBJ(str_printf("<%s(%s)>", obj_type_name(self),
                            STR_CSTR((StrObj *)AS_OBJ(r))));
}

TypeObj staticmethod_type = {
    TYPE_OBJ_HEAD,
    .name = "staticmethod",
    .base = &object_type,
    .flags = TF_BASETYPE,
    .instance_size = sizeof(WrapObj),
    .trace = wrap_trace,
    .repr = wrap_repr,
    .getattr = wrap_getattr,
    .call = staticmethod_call,
    .descr_get = staticmethod_get,
    .new_ = staticmethod_new,
};

TypeObj classmethod_type = {
    TYPE_OBJ_HEAD,
    .name = "classmethod",
    .base = &object_type,
    .flags = TF_BASETYPE,
    .instance_size = sizeof(WrapObj),
    .trace = wrap_trace,
    .repr = wrap_repr,
    .getattr = wrap_getattr,
    .descr_get = classmethod_get,
    .new_ = classmethod_new,
};

/* ---- slot wrappers ---- */

/* A builtin type's slot as a callable taking self first: the kind says
 * which slot, `name` is the dunder it stands for. */
typedef struct SlotWrapperObj {
    Obj hdr;
    TypeObj *type;
    StrObj *name;
    int kind;
    int op;
} SlotWrapperObj;

enum {
    SW_REPR, SW_STR, SW_HASH, SW_CMP, SW_BINOP, SW_RBINOP, SW_UNOP,
    SW_INIT, SW_LEN, SW_GETITEM, SW_SETITEM, SW_DELITEM, SW_CONTAINS,
    SW_ITER, SW_NEXT, SW_CALL, SW_BOOL, SW_GETATTR, SW_SETATTR, SW_DELATTR
};

static void slotw_trace(Obj *o)
{
    SlotWrapperObj *w = (SlotWrapperObj *)o;
    gc_mark_obj((Obj *)w->type);
    gc_mark_obj((Obj *)w->name);
}

static Value slotw_repr(Value self)
{
    SlotWrapperObj *w = (SlotWrapperObj *)AS_OBJ(self);
    return V_OBJ(str_printf("<slot wrapper '%s' of '%s' objects>",
                            STR_CSTR(w->name), w->type->name));
}

static Value sw_bool_result(int r)
{
    return r < 0 ? V_NULL : V_BOOL(r);
}

static Value sw_int_result(int64_t r)
{
    return r < 0 && err_occurred() ? V_NULL : V_INT(r);
}

static Value sw_none_result(int r)
{
    return r < 0 ? V_NULL : V_NONE;
}

static int sw_check_args(int nargs, int want)
{
    if (nargs == want)
        return 0;
    err_set(&exc_TypeError, "expected %d argument%s, got %d", want - 1,
            want == 2 ? "" : "s", nargs - 1);
    return -1;
}

static Value sw_dispatch2(SlotWrapperObj *w, TypeObj *t, Value *a)
{
    switch (w->kind) {
    case SW_CMP: return t->richcmp(a[0], a[1], w->op);
    case SW_BINOP: return t->binop(a[0], a[1], w->op);
    case SW_RBINOP: return t->rbinop(a[0], a[1], w->op);
    case SW_GETITEM: return t->getitem(a[0], a[1]);
    case SW_DELITEM: return sw_none_result(t->setitem(a[0], a[1], V_NULL));
    case SW_CONTAINS: return sw_bool_result(t->contains(a[0], a[1]));
    case SW_GETATTR: {
        StrObj *n = obj_attr_name(a[1]);
        if (!n)
            return V_NULL;
        return t->getattr ? t->getattr(a[0], n) : obj_generic_getattr(a[0], n);
    }
    case SW_DELATTR: {
        StrObj *n = obj_attr_name(a[1]);
        if (!n)
            return V_NULL;
        return sw_none_result(t->setattr(a[0], n, V_NULL));
    }
    default: return V_NULL;
    }
}

static Value sw_dispatch1(SlotWrapperObj *w, TypeObj *t, Value self)
{
    switch (w->kind) {
    case SW_REPR: return t->repr(self);
    case SW_STR: return t->str(self);
    case SW_HASH: {
        int64_t h;
        return t->hash(self, &h) < 0 ? V_NULL : V_INT(h);
    }
    case SW_UNOP: return t->unop(self, w->op);
    case SW_LEN: return sw_int_result(t->len(self));
    case SW_ITER: return t->iter(self);
    case SW_NEXT: {
        Value r = t->next(self);
        if (IS_NULL(r) && !err_occurred())
            return err_set_exc(V_OBJ(&exc_StopIteration));
        return r;
    }
    case SW_BOOL: return sw_bool_result(t->truth(self));
    default: return V_NULL;
    }
}

static Value slotw_call(Value self, Value *args, int nargs, TupleObj *kwnames)
{
    SlotWrapperObj *w = (SlotWrapperObj *)AS_OBJ(self);
    TypeObj *t = w->type;
    if (nargs < 1 || !val_isinstance(args[0], t))
        return err_set(&exc_TypeError,
                       "descriptor '%s' requires a '%s' object but received "
                       "a '%s'",
                       STR_CSTR(w->name), t->name,
                       nargs < 1 ? "NoneType" : obj_type_name(args[0]));
    if (w->kind == SW_CALL)
        return t->call(args[0], args + 1, nargs - 1, kwnames);
    if (w->kind == SW_INIT)
        return V_NONE;
    if (args_no_kw(STR_CSTR(w->name), kwnames) < 0)
        return V_NULL;
    if (w->kind == SW_SETITEM) {
        if (sw_check_args(nargs, 3) < 0)
            return V_NULL;
        return sw_none_result(t->setitem(args[0], args[1], args[2]));
    }
    if (w->kind == SW_SETATTR) {
        if (sw_check_args(nargs, 3) < 0)
            return V_NULL;
        StrObj *n = obj_attr_name(args[1]);
        if (!n)
            return V_NULL;
        return sw_none_result(t->setattr(args[0], n, args[2]));
    }
    int two = w->kind == SW_CMP || w->kind == SW_BINOP ||
              w->kind == SW_RBINOP || w->kind == SW_GETITEM ||
              w->kind == SW_DELITEM || w->kind == SW_CONTAINS ||
              w->kind == SW_GETATTR || w->kind == SW_DELATTR;
    if (sw_check_args(nargs, two ? 2 : 1) < 0)
        return V_NULL;
    return two ? sw_dispatch2(w, t, args) : sw_dispatch1(w, t, args[0]);
}

static Value slotw_get(Value descr, Value instance, TypeObj *owner)
{
    (void)owner;
    if (IS_NULL(instance))
        return descr;
    return method_new(descr, instance);
}

TypeObj slotwrapper_type = {
    TYPE_OBJ_HEAD,
    .name = "wrapper_descriptor",
    .base = &object_type,
    .instance_size = sizeof(SlotWrapperObj),
    .trace = slotw_trace,
    .repr = slotw_repr,
    .call = slotw_call,
    .descr_get = slotw_get,
};

/* Which slot a dunder names, and whether type t fills it. */
static int slot_kind(TypeObj *t, StrObj *name, int *op)
{
    RtNames *n = &rt_names;
    StrObj *cmp[] = {n->lt, n->le, n->eq, n->ne, n->gt, n->ge};
    for (int i = 0; i < 6; i++)
        if (name == cmp[i]) {
            *op = i;
            return t->richcmp ? SW_CMP : -1;
        }
    for (int i = 0; i < BOP_COUNT; i++) {
        if (name == n->binop[i] || name == n->ibinop[i]) {
            *op = name == n->binop[i] ? i : i + BOP_INPLACE;
            return t->binop ? SW_BINOP : -1;
        }
        if (name == n->rbinop[i]) {
            *op = i;
            return t->rbinop ? SW_RBINOP : -1;
        }
    }
    StrObj *un[] = {n->neg, n->pos, n->invert, NULL, n->abs};
    for (int i = 0; i < 5; i++)
        if (un[i] && name == un[i]) {
            *op = i;
            return t->unop ? SW_UNOP : -1;
        }
    struct { StrObj *name; int kind; int present; } simple[] = {
        {n->repr, SW_REPR, t->repr != NULL},
        {n->str, SW_STR, t->str != NULL || t->repr != NULL},
        {n->hash, SW_HASH, t->hash != NULL},
        {n->init, SW_INIT, 1},
        {n->len, SW_LEN, t->len != NULL},
        {n->getitem, SW_GETITEM, t->getitem != NULL},
        {n->setitem, SW_SETITEM, t->setitem != NULL},
        {n->delitem, SW_DELITEM, t->setitem != NULL},
        {n->contains, SW_CONTAINS, t->contains != NULL},
        {n->iter, SW_ITER, t->iter != NULL},
        {n->next, SW_NEXT, t->next != NULL},
        {n->call, SW_CALL, t->call != NULL},
        {n->bool_, SW_BOOL, t->truth != NULL},
        {n->getattribute, SW_GETATTR, 1},
        {n->setattr, SW_SETATTR, t->setattr != NULL},
        {n->delattr, SW_DELATTR, t->setattr != NULL},
    };
    for (size_t i = 0; i < sizeof simple / sizeof simple[0]; i++)
        if (name == simple[i].name)
            return simple[i].present ? simple[i].kind : -1;
    return -1;
}

Value type_slot_wrapper(TypeObj *t, StrObj *name)
{
    if (!name->interned || name->nbytes < 5 || name->data[0] != '_')
        return V_NULL;
    while (t->flags & TF_HEAPTYPE)
        t = t->base;
    int op = 0;
    int kind = slot_kind(t, name, &op);
    if (kind < 0)
        return V_NULL;
    /* str falls back on repr for types without their own str slot. */
    if (kind == SW_STR && !t->str)
        kind = SW_REPR;
    SlotWrapperObj *w = gc_alloc(&slotwrapper_type, sizeof *w);
    w->type = t;
    w->name = name;
    w->kind = kind;
    w->op = op;
    return V_OBJ(w);
}

/* ---- super ---- */

typedef struct SuperObj {
    Obj hdr;
    TypeObj *type; /* lookup starts after this class */
    Value obj;     /* the instance (or class, for classmethods) */
    TypeObj *obj_type;
} SuperObj;

static void super_trace(Obj *o)
{
    SuperObj *s = (SuperObj *)o;
    gc_mark_obj((Obj *)s->type);
    gc_mark_value(s->obj);
    gc_mark_obj((Obj *)s->obj_type);
}

/* The class the lookup walks: obj's type, or obj itself when super() is
 * used in a classmethod. */
static TypeObj *super_check(TypeObj *type, Value obj)
{
    if (IS_OBJ(obj) && val_isinstance(obj, &type_type) &&
        type_is_subtype((TypeObj *)AS_OBJ(obj), type))
        return (TypeObj *)AS_OBJ(obj);
    if (val_isinstance(obj, type))
        return val_type(obj);
    err_set(&exc_TypeError,
            "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

static Value super_make(TypeObj *type, Value obj)
{
    TypeObj *ot = super_check(type, obj);
    if (!ot)
        return V_NULL;
    SuperObj *s = gc_alloc(&super_type, sizeof *s);
    s->type = type;
    s->obj = obj;
    s->obj_type = ot;
    return V_OBJ(s);
}

/* The first argument of the calling frame, following it into its cell
 * when the compiler moved it there (cell2arg). */
static Value frame_first_arg(Frame *f)
{
    CodeObj *co = f->code;
    if (co->cell2arg) {
        for (int i = 0; i < co->ncells; i++) {
            if (co->cell2arg[i] == 0) {
                Value c = FRAME_CELLS(f)[i];
                if (IS_TYPE(c, cell_type))
                    return ((CellObj *)AS_OBJ(c))->v;
            }
        }
    }
    Value v = f->slots[0];
    if (IS_TYPE(v, cell_type) && co->ncells > 0)
        return ((CellObj *)AS_OBJ(v))->v;
    return v;
}

/* super() with no arguments: the class from the __class__ free variable
 * of the calling method, the instance from its first argument. */
static Value super_from_frame(void)
{
    Frame *f = ts_current->frame;
    if (!f || f->code->argcount == 0)
        return err_set(&exc_RuntimeError, "super(): no arguments");
    CodeObj *co = f->code;
    Value obj = frame_first_arg(f);
    if (IS_NULL(obj))
        return err_set(&exc_RuntimeError, "super(): arg[0] deleted");
    for (int i = 0; i < co->nfrees; i++) {
        if (co->freevars[i] != rt_names.class_cell)
            continue;
        Value c = FRAME_CELLS(f)[co->ncells + i];
        Value cls = IS_TYPE(c, cell_type) ? ((CellObj *)AS_OBJ(c))->v : V_NULL;
        if (IS_NULL(cls))
            return err_set(&exc_RuntimeError, "super(): empty __class__ cell");
        if (!val_isinstance(cls, &type_type))
            return err_set(&exc_RuntimeError,
                           "super(): __class__ is not a type (%s)",
                           obj_type_name(cls));
        return super_make((TypeObj *)AS_OBJ(cls), obj);
    }
    return err_set(&exc_RuntimeError, "super(): __class__ cell not found");
}

static Value super_new(Value self, Value *args, int nargs, TupleObj *kwnames)
{
    (void)self;
    if (args_no_kw("super", kwnames) < 0 ||
        args_count("super", nargs, 0, 2) < 0)
        return V_NULL;
    if (nargs == 0)
        return super_from_frame();
    if (!IS_OBJ(args[0]) || !val_isinstance(args[0], &type_type))
        return err_set(&exc_TypeError,
                       "super() argument 1 must be a type, not %s",
                       obj_type_name(args[0]));
    if (nargs == 1)
        return err_set(&exc_TypeError, "super() with one argument is not "
                                       "supported by sigvm");
    return super_make((TypeObj *)AS_OBJ(args[0]), args[1]);
}

/* Look the name up on the chain after s->type; builtin slots without a
 * dict entry are found as slot wrappers. */
static Value super_getattr(Value self, StrObj *name)
{
    SuperObj *s = (SuperObj *)AS_OBJ(self);
    if (name == rt_names.class_)
        return V_OBJ(&super_type);
    /* In a classmethod obj is the class itself: bind as class access. */
    Value inst = IS_OBJ(s->obj) && AS_OBJ(s->obj) == (Obj *)s->obj_type
                     ? V_NULL
                     : s->obj;
    for (TypeObj *t = s->type->base; t; t = t->base) {
        DictObj *d = t->base_hdr.dict;
        Value v = d ? dict_get_str(d, name) : V_NULL;
        if (!IS_NULL(v))
            return descr_bind(v, inst, s->obj_type);
    }
    if (s->type->base) {
        Value w = type_slot_wrapper(s->type->base, name);
        if (!IS_NULL(w))
            return IS_NULL(inst) ? w : method_new(w, inst);
    }
    return err_set(&exc_AttributeError, "'super' object has no attribute '%s'",
                   STR_CSTR(name));
}

Value descr_super_method(Value super, StrObj *name, Value *self)
{
    SuperObj *s = (SuperObj *)AS_OBJ(super);
    if (name == rt_names.class_ ||
        (IS_OBJ(s->obj) && AS_OBJ(s->obj) == (Obj *)s->obj_type))
        return V_NULL; /* super_getattr's own cases */
    for (TypeObj *t = s->type->base; t; t = t->base) {
        DictObj *d = t->base_hdr.dict;
        Value v = d ? dict_get_str(d, name) : V_NULL;
        if (IS_NULL(v))
            continue;
        int plain = IS_TYPE(v, func_type) ||
                    (IS_TYPE(v, native_type) &&
                     (((NativeObj *)AS_OBJ(v))->flags & NATIVE_METHOD) &&
                     IS_NULL(((NativeObj *)AS_OBJ(v))->self));
        if (!plain)
            return V_NULL;
        *self = s->obj;
        return v;
    }
    return V_NULL;
}

static Value super_repr(Value self)
{
    SuperObj *s = (SuperObj *)AS_OBJ(self);
    Value tr = obj_repr(V_OBJ(s->type));
    if (IS_NULL(tr))
        return V_NULL;
    return V_OBJ(str_printf("<super: %s, <%s object>>",
                            STR_CSTR((StrObj *)AS_OBJ(tr)), s->obj_type->name));
}

TypeObj super_type = {
    TYPE_OBJ_HEAD,
    .name = "super",
    .base = &object_type,
    .flags = TF_BASETYPE,
    .instance_size = sizeof(SuperObj),
    .trace = super_trace,
    .repr = super_repr,
    .getattr = super_getattr,
    .new_ = super_new,
};

void descr_init(void)
{
    type_add_methods(&property_type, property_methods);
    type_register_static(&staticmethod_type);
    type_register_static(&classmethod_type);
    type_register_static(&super_type);
    type_register_static(&slotwrapper_type);
}
