/* type.c - `type` and `object`, class creation and class attribute
 * lookup.
 *
 * A class defined by a script is a heap type.  It starts as a copy of its
 * base's slots, so a subclass of Exception prints like an exception and a
 * subclass of a script class behaves like its parent; then every dunder
 * the class body defines replaces the matching slot with a generic one
 * (slots.c style, here in type_slots below) that looks the dunder up on
 * the heap part of the chain and calls it, falling back to the nearest
 * builtin base's slot.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/runtime.h"

/* ---- static type registry (GC roots) ---- */

static TypeObj **static_types;
static size_t nstatic_types, static_types_cap;

void type_register_static(TypeObj *t)
{
    if (t->flags & TF_HEAPTYPE)
        return;
    for (size_t i = 0; i < nstatic_types; i++)
        if (static_types[i] == t)
            return;
    if (nstatic_types == static_types_cap) {
        size_t cap = static_types_cap ? static_types_cap * 2 : 64;
        TypeObj **a = realloc(static_types, cap * sizeof *a);
        if (!a)
            abort();
        static_types = a;
        static_types_cap = cap;
    }
    static_types[nstatic_types++] = t;
}

/* Registered with the collector by rt_init. */
void type_mark_static(void)
{
    for (size_t i = 0; i < nstatic_types; i++)
        gc_mark_obj((Obj *)static_types[i]);
}

DictObj *type_dict(TypeObj *t)
{
    if (!t->base_hdr.dict) {
        t->base_hdr.dict = dict_new();
        type_register_static(t);
        /* A cached chain saw no dict here; it must look again. */
        dict_watch_epoch++;
    }
    return t->base_hdr.dict;
}

Value type_lookup(TypeObj *t, StrObj *name)
{
    for (; t; t = t->base) {
        DictObj *d = t->base_hdr.dict;
        if (d) {
            Value v = dict_get_str(d, name);
            if (!IS_NULL(v))
                return v;
        }
    }
    return V_NULL;
}

/* The nearest base that is not a script class: its slots are the
 * fallback for dunders the script does not define. */
static TypeObj *builtin_base(TypeObj *t)
{
    int int_sub = (t->flags & TF_INT_SUBCLASS) != 0;
    while (t->flags & TF_HEAPTYPE)
        t = t->base;
    /* int's slots want plain ints: a script subclass gets versions that
     * unwrap its instances. */
    return t == &int_type && int_sub ? &intsub_base : t;
}

/* Look a dunder up on the script-defined part of the chain only. */
static Value heap_lookup(TypeObj *t, StrObj *name)
{
    for (; t && (t->flags & TF_HEAPTYPE); t = t->base) {
        Value v = dict_get_str(t->base_hdr.dict, name);
        if (!IS_NULL(v))
            return v;
    }
    return V_NULL;
}

/* ---- calling with self prepended ---- */

#define SMALL_ARGS 8

/* f(self, *args, **kw) without allocating when the call is small. */
Value type_call_with_self(Value f, Value self, Value *args, int nargs,
                          TupleObj *kwnames)
{
    size_t total = (size_t)nargs + (kwnames ? kwnames->n : 0);
    Value small[SMALL_ARGS + 1];
    Value *buf = small;
    if (total + 1 > SMALL_ARGS + 1) {
        buf = malloc((total + 1) * sizeof *buf);
        if (!buf)
            return err_no_memory();
    }
    buf[0] = self;
    if (total)
        memcpy(buf + 1, args, total * sizeof *buf);
    Value r = obj_call(f, buf, nargs + 1, kwnames);
    if (buf != small)
        free(buf);
    return r;
}

/* Call a dunder found on the class: plain functions take self first;
 * anything else (staticmethod, a callable instance) is bound first. */
static Value call_found(Value f, Value self, Value *args, int nargs)
{
    TypeObj *ft = val_type(f);
    if (ft == &func_type || ft == &native_type)
        return type_call_with_self(f, self, args, nargs, NULL);
    Value bound = descr_bind(f, self, val_type(self));
    if (IS_NULL(bound))
        return V_NULL;
    gc_root_push(&bound);
    Value r = obj_call(bound, args, nargs, NULL);
    gc_root_pop(1);
    return r;
}

/* ---- generic slots of heap types ---- */

static Value slot_repr(Value self)
{
    Value f = heap_lookup(val_type(self), rt_names.repr);
    if (!IS_NULL(f))
        return call_found(f, self, NULL, 0);
    TypeObj *b = builtin_base(val_type(self));
    return (b->repr ? b->repr : object_type.repr)(self);
}

static Value slot_str(Value self)
{
    TypeObj *t = val_type(self);
    Value f = heap_lookup(t, rt_names.str);
    if (!IS_NULL(f))
        return call_found(f, self, NULL, 0);
    TypeObj *b = builtin_base(t);
    if (b->str)
        return b->str(self);
    return obj_repr(self);
}

static int slot_hash(Value self, int64_t *out)
{
    Value f = heap_lookup(val_type(self), rt_names.hash);
    if (IS_NULL(f)) {
        TypeObj *b = builtin_base(val_type(self));
        return (b->hash ? b->hash : object_type.hash)(self, out);
    }
    Value r = call_found(f, self, NULL, 0);
    if (IS_NULL(r))
        return -1;
    if (!IS_INTLIKE(r)) {
        err_set(&exc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    *out = AS_INT(r) == -1 ? -2 : AS_INT(r);
    return 0;
}

static StrObj *cmp_name(int op)
{
    StrObj *names[] = {rt_names.lt, rt_names.le, rt_names.eq,
                       rt_names.ne, rt_names.gt, rt_names.ge};
    return names[op];
}

/* Without __ne__, != is the inverse of a script __eq__, as object.__ne__
 * makes it in CPython. */
static Value ne_from_eq(Value a, Value b)
{
    Value f = heap_lookup(val_type(a), rt_names.eq);
    if (IS_NULL(f))
        return V_NULL;
    Value r = call_found(f, a, &b, 1);
    if (IS_NULL(r) || IS_NOTIMPL(r))
        return r;
    int t = obj_truthy(r);
    return t < 0 ? V_NULL : V_BOOL(!t);
}

static Value slot_richcmp(Value a, Value b, int op)
{
    TypeObj *t = val_type(a);
    Value f = heap_lookup(t, cmp_name(op));
    if (!IS_NULL(f))
        return call_found(f, a, &b, 1);
    if (op == CMP_NE) {
        Value r = ne_from_eq(a, b);
        if (!IS_NULL(r) || err_occurred())
            return r;
    }
    TypeObj *base = builtin_base(t);
    if (base->richcmp)
        return base->richcmp(a, b, op);
    return V_NOTIMPL;
}

static Value slot_binop(Value a, Value b, int op)
{
    TypeObj *t = val_type(a);
    StrObj *name = op >= BOP_INPLACE ? rt_names.ibinop[op - BOP_INPLACE]
                                     : rt_names.binop[op];
    Value f = heap_lookup(t, name);
    if (!IS_NULL(f))
        return call_found(f, a, &b, 1);
    TypeObj *base = builtin_base(t);
    if (base->binop)
        return base->binop(a, b, op);
    return V_NOTIMPL;
}

static Value slot_rbinop(Value self, Value other, int op)
{
    TypeObj *t = val_type(self);
    Value f = heap_lookup(t, rt_names.rbinop[op]);
    if (!IS_NULL(f))
        return call_found(f, self, &other, 1);
    TypeObj *base = builtin_base(t);
    if (base->rbinop)
        return base->rbinop(self, other, op);
    return V_NOTIMPL;
}

static StrObj *unop_name(int op)
{
    switch (op) {
    case UOP_NEG: return rt_names.neg;
    case UOP_POS: return rt_names.pos;
    case UOP_INVERT: return rt_names.invert;
    case UOP_ABS: return rt_names.abs;
    default: return NULL;
    }
}

static Value slot_unop(Value self, int op)
{
    TypeObj *t = val_type(self);
    StrObj *name = unop_name(op);
    Value f = name ? heap_lookup(t, name) : V_NULL;
    if (!IS_NULL(f))
        return call_found(f, self, NULL, 0);
    TypeObj *base = builtin_base(t);
    if (base->unop)
        return base->unop(self, op);
    return V_NOTIMPL;
}

/* __getattr__ runs only when the normal lookup raised AttributeError. */
static Value slot_getattr(Value self, StrObj *name)
{
    TypeObj *t = val_type(self);
    TypeObj *base = builtin_base(t);
    Value r = base->getattr ? base->getattr(self, name)
                            : obj_generic_getattr(self, name);
    if (!IS_NULL(r) || !err_matches(&exc_AttributeError))
        return r;
    Value f = heap_lookup(t, rt_names.getattr);
    if (IS_NULL(f))
        return V_NULL;
    err_clear();
    Value arg = V_OBJ(name);
    return call_found(f, self, &arg, 1);
}

static int slot_setattr(Value self, StrObj *name, Value v)
{
    TypeObj *t = val_type(self);
    Value f = heap_lookup(t, IS_NULL(v) ? rt_names.delattr : rt_names.setattr);
    if (!IS_NULL(f)) {
        Value args[2] = {V_OBJ(name), v};
        Value r = call_found(f, self, args, IS_NULL(v) ? 1 : 2);
        return IS_NULL(r) ? -1 : 0;
    }
    TypeObj *base = builtin_base(t);
    if (base->setattr)
        return base->setattr(self, name, v);
    return obj_generic_setattr(self, name, v);
}

static Value slot_call(Value self, Value *args, int nargs, TupleObj *kwnames)
{
    Value f = heap_lookup(val_type(self), rt_names.call);
    if (IS_NULL(f))
        return err_set(&exc_TypeError, "'%s' object is not callable",
                       obj_type_name(self));
    if (val_type(f) == &func_type)
        return type_call_with_self(f, self, args, nargs, kwnames);
    Value bound = descr_bind(f, self, val_type(self));
    if (IS_NULL(bound))
        return V_NULL;
    return obj_call(bound, args, nargs, kwnames);
}

static Value slot_iter(Value self)
{
    Value f = heap_lookup(val_type(self), rt_names.iter);
    if (IS_NULL(f)) {
        TypeObj *b = builtin_base(val_type(self));
        if (b->iter)
            return b->iter(self);
        return err_set(&exc_TypeError, "'%s' object is not iterable",
                       obj_type_name(self));
    }
    Value it = call_found(f, self, NULL, 0);
    if (!IS_NULL(it) && !val_type(it)->next)
        return err_set(&exc_TypeError,
                       "iter() returned non-iterator of type '%s'",
                       obj_type_name(it));
    return it;
}

/* A script __next__ signals the end by raising StopIteration; the slot
 * protocol wants V_NULL with no exception set. */
static Value slot_next(Value self)
{
    Value f = heap_lookup(val_type(self), rt_names.next);
    if (IS_NULL(f)) {
        TypeObj *b = builtin_base(val_type(self));
        if (b->next)
            return b->next(self);
        return err_set(&exc_TypeError, "'%s' object is not an iterator",
                       obj_type_name(self));
    }
    Value r = call_found(f, self, NULL, 0);
    if (IS_NULL(r) && err_matches(&exc_StopIteration))
        err_clear();
    return r;
}

static Value slot_getitem(Value self, Value key)
{
    Value f = heap_lookup(val_type(self), rt_names.getitem);
    if (IS_NULL(f)) {
        TypeObj *b = builtin_base(val_type(self));
        if (b->getitem)
            return b->getitem(self, key);
        return err_set(&exc_TypeError, "'%s' object is not subscriptable",
                       obj_type_name(self));
    }
    return call_found(f, self, &key, 1);
}

static int slot_setitem(Value self, Value key, Value v)
{
    TypeObj *t = val_type(self);
    Value f = heap_lookup(t, IS_NULL(v) ? rt_names.delitem : rt_names.setitem);
    if (IS_NULL(f)) {
        TypeObj *b = builtin_base(t);
        if (b->setitem)
            return b->setitem(self, key, v);
        err_set(&exc_TypeError, IS_NULL(v)
                                    ? "'%s' object does not support item deletion"
                                    : "'%s' object does not support item assignment",
                t->name);
        return -1;
    }
    Value args[2] = {key, v};
    Value r = call_found(f, self, args, IS_NULL(v) ? 1 : 2);
    return IS_NULL(r) ? -1 : 0;
}

static int64_t slot_len(Value self)
{
    Value f = heap_lookup(val_type(self), rt_names.len);
    if (IS_NULL(f)) {
        TypeObj *b = builtin_base(val_type(self));
        if (b->len)
            return b->len(self);
        err_set(&exc_TypeError, "object of type '%s' has no len()",
                obj_type_name(self));
        return -1;
    }
    Value r = call_found(f, self, NULL, 0);
    if (IS_NULL(r))
        return -1;
    if (!IS_INTLIKE(r)) {
        err_set(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                obj_type_name(r));
        return -1;
    }
    if (AS_INT(r) < 0) {
        err_set(&exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return AS_INT(r);
}

static int slot_contains(Value self, Value item)
{
    Value f = heap_lookup(val_type(self), rt_names.contains);
    if (IS_NULL(f)) {
        TypeObj *b = builtin_base(val_type(self));
        if (b->contains)
            return b->contains(self, item);
        /* Fall back on iteration, as obj_contains does for types with
         * no contains slot at all. */
        return obj_contains_by_iter(self, item);
    }
    Value r = call_found(f, self, &item, 1);
    if (IS_NULL(r))
        return -1;
    return obj_truthy(r);
}

static int slot_truth(Value self)
{
    Value f = heap_lookup(val_type(self), rt_names.bool_);
    if (IS_NULL(f)) {
        TypeObj *b = builtin_base(val_type(self));
        if (b->truth)
            return b->truth(self);
        if (!IS_NULL(heap_lookup(val_type(self), rt_names.len)) || b->len) {
            int64_t n = slot_len(self);
            return n < 0 ? -1 : n > 0;
        }
        return 1;
    }
    Value r = call_found(f, self, NULL, 0);
    if (IS_NULL(r))
        return -1;
    if (!IS_BOOL(r)) {
        err_set(&exc_TypeError, "__bool__ should return bool, returned %s",
                obj_type_name(r));
        return -1;
    }
    return AS_BOOL(r);
}

static Value slot_descr_get(Value descr, Value instance, TypeObj *owner)
{
    Value f = heap_lookup(val_type(descr), rt_names.get);
    if (IS_NULL(f))
        return descr;
    Value args[2] = {IS_NULL(instance) ? V_NONE : instance, V_OBJ(owner)};
    return call_found(f, descr, args, 2);
}

/* A script's __new__ (implicitly static, so called with the class
 * first), else the nearest builtin base's. */
static Value slot_new(Value self, Value *args, int nargs, TupleObj *kwnames)
{
    TypeObj *t = (TypeObj *)AS_OBJ(self);
    Value f = heap_lookup(t, rt_names.new_);
    if (IS_NULL(f))
        return builtin_base(t)->new_(self, args, nargs, kwnames);
    return type_call_with_self(f, self, args, nargs, kwnames);
}

/* Point the slot family of one dunder at the generic implementation. */
static void install_slot(TypeObj *t, StrObj *name)
{
    RtNames *n = &rt_names;
    if (name == n->repr) t->repr = slot_repr;
    else if (name == n->str) t->str = slot_str;
    else if (name == n->hash) t->hash = slot_hash;
    else if (name == n->eq || name == n->ne || name == n->lt ||
             name == n->le || name == n->gt || name == n->ge)
        t->richcmp = slot_richcmp;
    else if (name == n->getattr) t->getattr = slot_getattr;
    else if (name == n->setattr || name == n->delattr) t->setattr = slot_setattr;
    else if (name == n->call) t->call = slot_call;
    else if (name == n->iter) t->iter = slot_iter;
    else if (name == n->next) t->next = slot_next;
    else if (name == n->getitem) t->getitem = slot_getitem;
    else if (name == n->setitem || name == n->delitem) t->setitem = slot_setitem;
    else if (name == n->len) t->len = slot_len;
    else if (name == n->contains) t->contains = slot_contains;
    else if (name == n->bool_) t->truth = slot_truth;
    else if (name == n->neg || name == n->pos || name == n->invert ||
             name == n->abs)
        t->unop = slot_unop;
    else if (name == n->get) t->descr_get = slot_descr_get;
    else if (name == n->new_) t->new_ = slot_new;
    else {
        for (int op = 0; op < BOP_COUNT; op++) {
            if (name == n->binop[op] || name == n->ibinop[op])
                t->binop = slot_binop;
            else if (name == n->rbinop[op])
                t->rbinop = slot_rbinop;
        }
    }
}

/* __hash__ = None, or __eq__ without __hash__, makes instances
 * unhashable, as in CPython. */
static void fix_hash(TypeObj *t, DictObj *ns)
{
    Value h = dict_get_str(ns, rt_names.hash);
    if (IS_NONE(h))
        t->hash = NULL;
    else if (IS_NULL(h) && !IS_NULL(dict_get_str(ns, rt_names.eq)))
        t->hash = NULL;
}

static void install_slots(TypeObj *t, DictObj *ns)
{
    size_t pos = 0;
    Value k, v;
    while (dict_next(ns, &pos, &k, &v)) {
        if (!IS_TYPE(k, str_type))
            continue;
        StrObj *name = (StrObj *)AS_OBJ(k);
        if (name->nbytes > 4 && name->data[0] == '_' && name->data[1] == '_')
            install_slot(t, str_intern(name));
    }
    fix_hash(t, ns);
}

/* ---- instances ---- */

static void instance_trace(Obj *o)
{
    gc_mark_obj((Obj *)((InstanceObj *)o)->dict);
}

static void values_trace(Obj *o)
{
    ValuesObj *vo = (ValuesObj *)o;
    gc_mark_obj((Obj *)vo->base.dict);
    for (uint32_t i = 0; i < vo->nvals; i++)
        gc_mark_value(vo->vals[i]);
}

Value obj_new_instance(TypeObj *t)
{
    if (t->flags & TF_INLINE_VALUES) {
        uint32_t cap = t->inline_cap;
        ValuesObj *o = gc_alloc(t, sizeof(ValuesObj) + cap * sizeof(Value));
        o->cap = cap;
        return V_OBJ(o);
    }
    InstanceObj *o = gc_alloc(t, t->instance_size);
    return V_OBJ(o);
}

/* Copy every slot from the base: the class behaves like its base until
 * its own dunders override a slot family. */
static void inherit_slots(TypeObj *t, TypeObj *base)
{
    size_t first = offsetof(TypeObj, trace);
    size_t end = offsetof(TypeObj, new_) + sizeof(CallFn);
    memcpy((char *)t + first, (char *)base + first, end - first);
    if (!(base->flags & (TF_HAS_DICT | TF_HEAPTYPE))) {
        t->trace = instance_trace;
        t->finalize = NULL;
    }
    if (!t->setattr)
        t->setattr = obj_generic_setattr;
}

static int check_base(TypeObj *base)
{
    if (base->flags & (TF_BASETYPE | TF_HEAPTYPE))
        return 0;
    err_set(&exc_TypeError, "type '%s' is not an acceptable base type",
            base->name);
    return -1;
}

Value type_new_class(StrObj *name, StrObj *qualname, TypeObj *base,
                     DictObj *ns)
{
    if (!base)
        base = &object_type;
    if (check_base(base) < 0)
        return V_NULL;
    TypeObj *t = gc_alloc(&type_type, sizeof(TypeObj));
    t->base_hdr.dict = ns;
    /* Attribute caches hold a type pointer without keeping the type
     * alive: one for a dead class at this address must not match. */
    dict_watch_epoch++;
    t->name_str = str_intern(name);
    t->name = STR_CSTR(t->name_str);
    Value qn = dict_get_str(ns, rt_names.qualname);
    if (IS_TYPE(qn, str_type)) {
        qualname = (StrObj *)AS_OBJ(qn);
        if (dict_del(ns, V_OBJ(rt_names.qualname)) < 0)
            return V_NULL;
    }
    t->qualname = qualname ? qualname : t->name_str;
    Value mod = dict_get_str(ns, rt_names.module);
    t->module = IS_TYPE(mod, str_type) ? (StrObj *)AS_OBJ(mod) : rt_names.main;
    t->base = base;
    t->flags = TF_HEAPTYPE | TF_BASETYPE | TF_HAS_DICT |
               (base->flags & (TF_EXCEPTION | TF_INT_SUBCLASS));
    t->instance_size = base->flags & (TF_HAS_DICT | TF_HEAPTYPE)
                           ? base->instance_size : sizeof(InstanceObj);
    if (t->instance_size < sizeof(InstanceObj))
        t->instance_size = sizeof(InstanceObj);
    inherit_slots(t, base);
    if (base == &int_type)
        intsub_setup(t);
    int has_slots;
    if (member_install(t, ns, &has_slots) < 0)
        return V_NULL;
    if (!has_slots && (base == &object_type || (base->flags & TF_INLINE_VALUES))) {
        t->flags |= TF_INLINE_VALUES;
        t->instance_size = sizeof(ValuesObj);
        t->trace = values_trace;
    }
    install_slots(t, ns);
    if (descr_set_names(t, ns) < 0)
        return V_NULL;
    return V_OBJ(t);
}

/* ---- type objects themselves ---- */

static void type_trace(Obj *o)
{
    TypeObj *t = (TypeObj *)o;
    gc_mark_obj((Obj *)t->base_hdr.dict);
    gc_mark_obj((Obj *)t->name_str);
    gc_mark_obj((Obj *)t->qualname);
    gc_mark_obj((Obj *)t->module);
    gc_mark_obj((Obj *)t->base);
    gc_mark_obj((Obj *)t->shared_keys);
}

static const char *type_module(TypeObj *t)
{
    return t->module ? STR_CSTR(t->module) : "builtins";
}

static const char *type_qualname(TypeObj *t)
{
    return t->qualname ? STR_CSTR(t->qualname) : t->name;
}

static Value type_repr(Value self)
{
    TypeObj *t = (TypeObj *)AS_OBJ(self);
    const char *mod = type_module(t);
    if (strcmp(mod, "builtins") == 0)
        return V_OBJ(str_printf("<class '%s'>", type_qualname(t)));
    return V_OBJ(str_printf("<class '%s.%s'>", mod, type_qualname(t)));
}

static int identity_hash(Value self, int64_t *out)
{
    *out = (int64_t)((uintptr_t)AS_OBJ(self) >> 4);
    return 0;
}

/* Run a script class's __init__ on a fresh instance, with CPython's
 * check of its result. */
static int run_init(TypeObj *t, Value obj, Value *args, int nargs,
                    TupleObj *kwnames)
{
    Value init = heap_lookup(t, rt_names.init);
    if (IS_NULL(init))
        return 0; /* object's or a builtin base's: new_ did the work */
    gc_root_push(&obj);
    Value r = type_call_with_self(init, obj, args, nargs, kwnames);
    gc_root_pop(1);
    if (IS_NULL(r))
        return -1;
    if (!IS_NONE(r)) {
        err_set(&exc_TypeError, "__init__() should return None, not '%s'",
                obj_type_name(r));
        return -1;
    }
    return 0;
}

static Value type_call_general(Value self, Value *args, int nargs,
                               TupleObj *kwnames) __attribute__((noinline));

/* str(x), int(s) and the other builtin constructors go straight to the
 * type's new_ (a tail call); the rest takes type_call_general. */
static Value type_call(Value self, Value *args, int nargs, TupleObj *kwnames)
{
    TypeObj *t = (TypeObj *)AS_OBJ(self);
    if (t != &type_type && t->new_ && !(t->flags & TF_HEAPTYPE))
        return t->new_(self, args, nargs, kwnames);
    return type_call_general(self, args, nargs, kwnames);
}

static Value type_call_general(Value self, Value *args, int nargs,
                               TupleObj *kwnames)
{
    TypeObj *t = (TypeObj *)AS_OBJ(self);
    int nkw = kwnames ? (int)kwnames->n : 0;
    if (t == &type_type) {
        if (nargs == 1 && nkw == 0)
            return V_OBJ(val_type(args[0]));
        return err_set(&exc_TypeError, "type() takes 1 or 3 arguments");
    }
    if (!t->new_)
        return err_set(&exc_TypeError, "cannot create '%s' instances",
                       t->name);
    Value obj = t->new_(self, args, nargs, kwnames);
    if (IS_NULL(obj) || !(t->flags & TF_HEAPTYPE) || !val_isinstance(obj, t))
        return obj;
    if (run_init(t, obj, args, nargs, kwnames) < 0)
        return V_NULL;
    return obj;
}

static Value mro_tuple(TypeObj *t)
{
    size_t n = 0;
    for (TypeObj *p = t; p; p = p->base)
        n++;
    TupleObj *tup = tuple_new(n);
    n = 0;
    for (TypeObj *p = t; p; p = p->base)
        tup->items[n++] = V_OBJ(p);
    return V_OBJ(tup);
}

static Value type_name_str(TypeObj *t)
{
    if (!t->name_str)
        t->name_str = str_intern_cstr(t->name);
    return V_OBJ(t->name_str);
}

/* __name__ and friends come from the TypeObj fields, not the dict. */
static Value type_special_attr(TypeObj *t, StrObj *name)
{
    RtNames *n = &rt_names;
    if (name == n->name)
        return type_name_str(t);
    if (name == n->qualname)
        return t->qualname ? V_OBJ(t->qualname) : type_name_str(t);
    if (name == n->bases)
        return V_OBJ(t->base ? tuple_pack(1, V_OBJ(t->base)) : tuple_new(0));
    if (name == n->base)
        return t->base ? V_OBJ(t->base) : V_NONE;
    if (name == n->mro)
        return mro_tuple(t);
    if (name == n->dict) {
        DictObj *copy = dict_new();
        if (t->base_hdr.dict && dict_update(copy, V_OBJ(t->base_hdr.dict)) < 0)
            return V_NULL;
        return V_OBJ(copy);
    }
    if (name == n->class_)
        return V_OBJ(&type_type);
    return V_NULL;
}

static Value type_getattr(Value self, StrObj *name)
{
    TypeObj *t = (TypeObj *)AS_OBJ(self);
    Value v = type_special_attr(t, name);
    if (!IS_NULL(v) || err_occurred())
        return v;
    v = type_lookup(t, name);
    if (!IS_NULL(v))
        return descr_bind(v, V_NULL, t);
    if (name == rt_names.module)
        return t->module ? V_OBJ(t->module) : V_OBJ(rt_names.builtins);
    if (name == rt_names.doc)
        return V_NONE;
    Value w = type_slot_wrapper(t, name);
    if (!IS_NULL(w))
        return w;
    /* Methods of `type` itself, e.g. Foo.mro(). */
    v = type_lookup(&type_type, name);
    if (!IS_NULL(v))
        return descr_bind(v, self, &type_type);
    return err_set(&exc_AttributeError, "type object '%s' has no attribute '%s'",
                   type_qualname(t), STR_CSTR(name));
}

static int type_setattr(Value self, StrObj *name, Value v)
{
    TypeObj *t = (TypeObj *)AS_OBJ(self);
    if (!(t->flags & TF_HEAPTYPE)) {
        err_set(&exc_TypeError,
                "cannot set '%s' attribute of immutable type '%s'",
                STR_CSTR(name), t->name);
        return -1;
    }
    if (name == rt_names.name && IS_TYPE(v, str_type)) {
        t->name_str = str_intern((StrObj *)AS_OBJ(v));
        t->name = STR_CSTR(t->name_str);
        return 0;
    }
    if (name == rt_names.qualname && IS_TYPE(v, str_type)) {
        t->qualname = (StrObj *)AS_OBJ(v);
        return 0;
    }
    if (IS_NULL(v)) {
        if (IS_NULL(dict_get_str(t->base_hdr.dict, name))) {
            err_set(&exc_AttributeError,
                    "type object '%s' has no attribute '%s'", t->name,
                    STR_CSTR(name));
            return -1;
        }
        return dict_del(t->base_hdr.dict, V_OBJ(name));
    }
    if (name == rt_names.module && IS_TYPE(v, str_type))
        t->module = (StrObj *)AS_OBJ(v);
    if (dict_set_str(t->base_hdr.dict, name, v) < 0)
        return -1;
    /* Assigning a dunder after the class statement still takes effect. */
    if (name->data[0] == '_' && name->data[1] == '_')
        install_slot(t, name);
    return 0;
}

static Value type_type_new(Value self, Value *args, int nargs,
                           TupleObj *kwnames)
{
    return type_call(self, args, nargs, kwnames);
}

TypeObj type_type = {
    TYPE_OBJ_HEAD,
    .name = "type",
    .base = &object_type,
    .flags = TF_HAS_DICT,
    .instance_size = sizeof(TypeObj),
    .trace = type_trace,
    .repr = type_repr,
    .hash = identity_hash,
    .getattr = type_getattr,
    .setattr = type_setattr,
    .call = type_call,
    .new_ = type_type_new,
};

/* ---- object ---- */

static Value object_repr(Value self)
{
    TypeObj *t = val_type(self);
    const char *mod = type_module(t);
    if (strcmp(mod, "builtins") == 0)
        return V_OBJ(str_printf("<%s object at %p>", type_qualname(t),
                                (void *)AS_OBJ(self)));
    return V_OBJ(str_printf("<%s.%s object at %p>", mod, type_qualname(t),
                            (void *)AS_OBJ(self)));
}

static Value object_richcmp(Value a, Value b, int op)
{
    if (op == CMP_EQ && val_is(a, b))
        return V_TRUE;
    if (op == CMP_NE && val_is(a, b))
        return V_FALSE;
    return V_NOTIMPL;
}

/* No script class on the chain defines __init__. */
static int object_init_is_default(TypeObj *t)
{
    return IS_NULL(heap_lookup(t, rt_names.init));
}

Value type_object_new(Value self, Value *args, int nargs, TupleObj *kwnames)
{
    (void)args;
    TypeObj *t = (TypeObj *)AS_OBJ(self);
    int nkw = kwnames ? (int)kwnames->n : 0;
    if ((nargs > 0 || nkw > 0) && object_init_is_default(t))
        return err_set(&exc_TypeError, "%s() takes no arguments", t->name);
    if (t == &object_type)
        return V_OBJ(gc_alloc(&object_type, sizeof(Obj)));
    return obj_new_instance(t);
}

static Value object_init_method(Value *args, int nargs, TupleObj *kwnames)
{
    int nkw = kwnames ? (int)kwnames->n : 0;
    if (nargs > 1 || nkw > 0) {
        TypeObj *t = nargs > 0 ? val_type(args[0]) : &object_type;
        if (object_init_is_default(t))
            return err_set(&exc_TypeError, "%s() takes no arguments",
                           t->name);
        return err_set(&exc_TypeError, "object.__init__() takes exactly one "
                                       "argument (the instance to initialize)");
    }
    return V_NONE;
}

static Value object_new_method(Value *args, int nargs, TupleObj *kwnames)
{
    (void)kwnames;
    if (nargs < 1 || !IS_OBJ(args[0]) || !val_isinstance(args[0], &type_type))
        return err_set(&exc_TypeError, "object.__new__(X): X is not a type object");
    TypeObj *t = (TypeObj *)AS_OBJ(args[0]);
    if (t == &object_type)
        return V_OBJ(gc_alloc(&object_type, sizeof(Obj)));
    return obj_new_instance(t);
}

static Value self_arg(Value *args, int nargs, int want, const char *name)
{
    if (nargs != want)
        return err_set(&exc_TypeError, "expected %d argument%s, got %d",
                       want - 1, want == 2 ? "" : "s", nargs - 1);
    (void)name;
    return args[0];
}

static Value object_repr_method(Value *args, int nargs, TupleObj *kw)
{
    (void)kw;
    if (IS_NULL(self_arg(args, nargs, 1, "__repr__")))
        return V_NULL;
    return IS_OBJ(args[0]) ? object_repr(args[0]) : obj_repr(args[0]);
}

static Value object_str_method(Value *args, int nargs, TupleObj *kw)
{
    (void)kw;
    if (IS_NULL(self_arg(args, nargs, 1, "__str__")))
        return V_NULL;
    return obj_repr(args[0]);
}

static Value object_eq_method(Value *args, int nargs, TupleObj *kw)
{
    (void)kw;
    if (IS_NULL(self_arg(args, nargs, 2, "__eq__")))
        return V_NULL;
    return val_is(args[0], args[1]) ? V_TRUE : V_NOTIMPL;
}

static Value object_ne_method(Value *args, int nargs, TupleObj *kw)
{
    (void)kw;
    if (IS_NULL(self_arg(args, nargs, 2, "__ne__")))
        return V_NULL;
    Value r = obj_richcmp(args[0], args[1], CMP_EQ);
    if (IS_NULL(r) || IS_NOTIMPL(r))
        return r;
    int t = obj_truthy(r);
    return t < 0 ? V_NULL : V_BOOL(!t);
}

static Value object_hash_method(Value *args, int nargs, TupleObj *kw)
{
    (void)kw;
    if (IS_NULL(self_arg(args, nargs, 1, "__hash__")))
        return V_NULL;
    /* object's own hash, the identity, even for a subclass that made its
     * instances unhashable (super().__hash__()); values without a heap
     * identity (small ints ...) hash by value. */
    int64_t h;
    int r = IS_OBJ(args[0]) ? identity_hash(args[0], &h)
                            : obj_hash(args[0], &h);
    if (r < 0)
        return V_NULL;
    return V_INT(h);
}

static Value object_setattr_method(Value *args, int nargs, TupleObj *kw)
{
    (void)kw;
    if (IS_NULL(self_arg(args, nargs, 3, "__setattr__")))
        return V_NULL;
    StrObj *name = obj_attr_name(args[1]);
    if (!name)
        return V_NULL;
    TypeObj *b = builtin_base(val_type(args[0]));
    int r = b->setattr ? b->setattr(args[0], name, args[2])
                       : obj_generic_setattr(args[0], name, args[2]);
    return r < 0 ? V_NULL : V_NONE;
}

static Value object_delattr_method(Value *args, int nargs, TupleObj *kw)
{
    (void)kw;
    if (IS_NULL(self_arg(args, nargs, 2, "__delattr__")))
        return V_NULL;
    StrObj *name = obj_attr_name(args[1]);
    if (!name)
        return V_NULL;
    int r = obj_generic_setattr(args[0], name, V_NULL);
    return r < 0 ? V_NULL : V_NONE;
}

static Value object_getattribute_method(Value *args, int nargs, TupleObj *kw)
{
    (void)kw;
    if (IS_NULL(self_arg(args, nargs, 2, "__getattribute__")))
        return V_NULL;
    StrObj *name = obj_attr_name(args[1]);
    if (!name)
        return V_NULL;
    TypeObj *b = builtin_base(val_type(args[0]));
    return b->getattr ? b->getattr(args[0], name)
                      : obj_generic_getattr(args[0], name);
}

static const MethodDef object_methods[] = {
    {"__init__", object_init_method, NATIVE_METHOD},
    {"__new__", object_new_method, NATIVE_STATIC},
    {"__repr__", object_repr_method, NATIVE_METHOD},
    {"__str__", object_str_method, NATIVE_METHOD},
    {"__eq__", object_eq_method, NATIVE_METHOD},
    {"__ne__", object_ne_method, NATIVE_METHOD},
    {"__hash__", object_hash_method, NATIVE_METHOD},
    {"__setattr__", object_setattr_method, NATIVE_METHOD},
    {"__delattr__", object_delattr_method, NATIVE_METHOD},
    {"__getattribute__", object_getattribute_method, NATIVE_METHOD},
    {NULL, NULL, 0},
};

TypeObj object_type = {
    TYPE_OBJ_HEAD,
    .name = "object",
    .base = NULL,
    .flags = TF_BASETYPE,
    .instance_size = sizeof(Obj),
    .repr = object_repr,
    .hash = identity_hash,
    .richcmp = object_richcmp,
    .new_ = type_object_new,
};

/* ---- type(): the methods of type itself ---- */

static Value type_mro_method(Value *args, int nargs, TupleObj *kw)
{
    (void)kw;
    if (nargs != 1 || !val_isinstance(args[0], &type_type))
        return err_set(&exc_TypeError, "mro() takes no arguments");
    Value t = mro_tuple((TypeObj *)AS_OBJ(args[0]));
    return list_from_iter(t);
}

static const MethodDef type_methods[] = {
    {"mro", type_mro_method, NATIVE_METHOD},
    {NULL, NULL, 0},
};

void type_init(void)
{
    type_add_methods(&object_type, object_methods);
    type_add_methods(&type_type, type_methods);
}
