/* object.c - the generic operations: every obj_* call dispatches through
 * the slots of the operand's type, with CPython's fallbacks (reflected
 * operators, identity equality, len-based truth, iteration-based `in`)
 * and CPython's error messages.
 */
#include <stdio.h>
#include <string.h>

#include "runtime/iter.h"
#include "runtime/runtime.h"

RtNames rt_names;

TypeObj *val_type(Value v)
{
    switch (v.tag) {
    case VT_OBJ: return v.as.o->type;
    case VT_INT: return &int_type;
    case VT_FLOAT: return &float_type;
    case VT_BOOL: return &bool_type;
    case VT_NONE: return &none_type;
    default: return &none_type; /* VT_NULL: never asked in correct code */
    }
}

const char *obj_type_name(Value v)
{
    return val_type(v)->name;
}

int type_is_subtype(TypeObj *t, TypeObj *base)
{
    for (; t; t = t->base)
        if (t == base)
            return 1;
    return 0;
}

int val_isinstance(Value v, TypeObj *t)
{
    TypeObj *vt = val_type(v);
    return vt == t || type_is_subtype(vt, t);
}

static int is_str(Value v)
{
    return IS_OBJ(v) && OBJ_TYPE(AS_OBJ(v)) == &str_type;
}

static int is_num(Value v)
{
    return v.tag == VT_INT || v.tag == VT_BOOL || v.tag == VT_FLOAT;
}

/* ---- repr, str, hash, truth ---- */

/* <__main__.Foo object at 0x...>: the default repr of instances. */
static Value default_repr(Value v)
{
    TypeObj *t = val_type(v);
    const char *mod = t->module ? STR_CSTR(t->module) : "builtins";
    const char *qn = t->qualname ? STR_CSTR(t->qualname) : t->name;
    if (strcmp(mod, "builtins") == 0)
        return V_OBJ(str_printf("<%s object at %p>", qn, (void *)AS_OBJ(v)));
    return V_OBJ(str_printf("<%s.%s object at %p>", mod, qn,
                            (void *)AS_OBJ(v)));
}

static Value check_str_result(Value r, const char *what)
{
    if (IS_NULL(r) || is_str(r))
        return r;
    if (val_isinstance(r, &str_type))
        return r;
    return err_set(&exc_TypeError, "%s returned non-string (type %s)", what,
                   obj_type_name(r));
}

Value obj_repr(Value v)
{
    TypeObj *t = val_type(v);
    if (!t->repr)
        return default_repr(v);
    if (!IS_OBJ(v))
        return t->repr(v);
    /* Deep nesting reaches here once per level: keep the C stack safe. */
    if (ts_enter_recursive(" while getting the repr of an object") < 0)
        return V_NULL;
    Value r = t->repr(v);
    ts_leave_recursive();
    return check_str_result(r, "__repr__");
}

Value obj_str(Value v)
{
    if (is_str(v))
        return v;
    TypeObj *t = val_type(v);
    if (!t->str)
        return obj_repr(v);
    if (!IS_OBJ(v))
        return t->str(v);
    if (ts_enter_recursive(" while getting the str of an object") < 0)
        return V_NULL;
    Value r = t->str(v);
    ts_leave_recursive();
    return check_str_result(r, "__str__");
}

int obj_hash(Value v, int64_t *out)
{
    if (is_str(v)) {
        *out = str_hash((StrObj *)AS_OBJ(v));
        return 0;
    }
    TypeObj *t = val_type(v);
    if (!t->hash) {
        err_set(&exc_TypeError, "unhashable type: '%s'", t->name);
        return -1;
    }
    return t->hash(v, out);
}

int obj_truthy(Value v)
{
    switch (v.tag) {
    case VT_BOOL:
    case VT_INT:
        return v.as.i != 0;
    case VT_NONE:
        return 0;
    case VT_FLOAT:
        return v.as.f != 0.0;
    default:
        break;
    }
    TypeObj *t = val_type(v);
    if (t->truth)
        return t->truth(v);
    if (t->len) {
        int64_t n = t->len(v);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

/* ---- comparison ---- */

static const int swapped_op[] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT,
                                 CMP_LE};
static const char *const cmp_symbol[] = {"<", "<=", "==", "!=", ">", ">="};

static Value richcmp_slow(Value a, Value b, int op)
{
    TypeObj *ta = val_type(a), *tb = val_type(b);
    int reflected_done = 0;
    Value r;
    /* A subclass that overrides the comparison gets the first word. */
    if (ta != tb && tb->richcmp && tb->richcmp != ta->richcmp &&
        type_is_subtype(tb, ta)) {
        reflected_done = 1;
        r = tb->richcmp(b, a, swapped_op[op]);
        if (!IS_NOTIMPL(r))
            return r;
    }
    if (ta->richcmp) {
        r = ta->richcmp(a, b, op);
        if (!IS_NOTIMPL(r))
            return r;
    }
    if (!reflected_done && tb->richcmp) {
        r = tb->richcmp(b, a, swapped_op[op]);
        if (!IS_NOTIMPL(r))
            return r;
    }
    if (op == CMP_EQ)
        return V_BOOL(val_is(a, b));
    if (op == CMP_NE)
        return V_BOOL(!val_is(a, b));
    return err_set(&exc_TypeError,
                   "'%s' not supported between instances of '%s' and '%s'",
                   cmp_symbol[op], ta->name, tb->name);
}

Value obj_richcmp(Value a, Value b, int op)
{
    if (is_num(a) && is_num(b))
        return num_richcmp(a, b, op);
    if (ts_enter_recursive(" in comparison") < 0)
        return V_NULL;
    Value r = richcmp_slow(a, b, op);
    ts_leave_recursive();
    return r;
}

int obj_richcmp_bool(Value a, Value b, int op)
{
    /* Identity implies equality for containers' item comparisons, as in
     * CPython (so [nan] == [nan] when it is the same nan). */
    if (val_is(a, b)) {
        if (op == CMP_EQ)
            return 1;
        if (op == CMP_NE)
            return 0;
    }
    Value r = obj_richcmp(a, b, op);
    if (IS_NULL(r))
        return -1;
    if (IS_BOOL(r))
        return AS_BOOL(r);
    return obj_truthy(r);
}

int obj_eq(Value a, Value b)
{
    if (val_is(a, b))
        return 1;
    if (IS_INT(a) && IS_INT(b))
        return 0;
    if (is_str(a) && is_str(b)) {
        StrObj *x = (StrObj *)AS_OBJ(a), *y = (StrObj *)AS_OBJ(b);
        if (x->interned && y->interned)
            return 0;
        return str_eq(x, y);
    }
    return obj_richcmp_bool(a, b, CMP_EQ);
}

/* ---- arithmetic ---- */

static const char *const binop_symbol[BOP_COUNT] = {
    "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"};
static const char *const ibinop_symbol[BOP_COUNT] = {
    "+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=",
    "^=", "@="};

const char *obj_binop_symbol(int op)
{
    if (op >= BOP_INPLACE)
        return ibinop_symbol[op - BOP_INPLACE];
    return binop_symbol[op];
}

/* a op b with the reflected operation; V_NOTIMPL when neither side
 * knows the pair. */
static Value binop_plain(Value a, Value b, int op)
{
    TypeObj *ta = val_type(a), *tb = val_type(b);
    BinaryFn right = ta != tb ? tb->rbinop : NULL;
    Value r;
    if (right && right != ta->rbinop && type_is_subtype(tb, ta)) {
        r = right(b, a, op);
        if (!IS_NOTIMPL(r))
            return r;
        right = NULL;
    }
    if (ta->binop) {
        r = ta->binop(a, b, op);
        if (!IS_NOTIMPL(r))
            return r;
    }
    if (right)
        return right(b, a, op);
    return V_NOTIMPL;
}

static Value binop_error(Value a, Value b, int op)
{
    const char *sym = obj_binop_symbol(op);
    const char *extra = op == BOP_POW ? " or pow()" : "";
    return err_set(&exc_TypeError,
                   "unsupported operand type(s) for %s%s: '%s' and '%s'", sym,
                   extra, obj_type_name(a), obj_type_name(b));
}

Value obj_binop(Value a, Value b, int op)
{
    int plain = op >= BOP_INPLACE ? op - BOP_INPLACE : op;
    if (is_num(a) && is_num(b)) {
        Value r = num_binop(a, b, plain);
        if (!IS_NOTIMPL(r))
            return r;
    }
    Value r;
    if (op >= BOP_INPLACE) {
        /* The in-place slot first (list +=), then the plain operator. */
        TypeObj *ta = val_type(a);
        if (ta->binop) {
            r = ta->binop(a, b, op);
            if (!IS_NOTIMPL(r))
                return r;
        }
    }
    r = binop_plain(a, b, plain);
    if (IS_NOTIMPL(r))
        return binop_error(a, b, op);
    return r;
}

Value obj_unop(Value v, int op)
{
    if (op == UOP_NOT) {
        int t = obj_truthy(v);
        return t < 0 ? V_NULL : V_BOOL(!t);
    }
    if (is_num(v))
        return num_unop(v, op);
    TypeObj *t = val_type(v);
    if (t->unop) {
        Value r = t->unop(v, op);
        if (!IS_NOTIMPL(r))
            return r;
    }
    if (op == UOP_ABS)
        return err_set(&exc_TypeError, "bad operand type for abs(): '%s'",
                       t->name);
    static const char sym[] = {'-', '+', '~'};
    return err_set(&exc_TypeError, "bad operand type for unary %c: '%s'",
                   sym[op], t->name);
}

/* ---- attributes ---- */

Value obj_getattr(Value o, StrObj *name)
{
    if (!name->interned)
        name = str_intern(name);
    TypeObj *t = val_type(o);
    if (t->getattr)
        return t->getattr(o, name);
    return obj_generic_getattr(o, name);
}

Value obj_getattr_cstr(Value o, const char *name)
{
    return obj_getattr(o, str_intern_cstr(name));
}

int obj_lookup_attr(Value o, StrObj *name, Value *out)
{
    *out = obj_getattr(o, name);
    if (!IS_NULL(*out))
        return 0;
    if (err_matches(&exc_AttributeError)) {
        err_clear();
        return 0;
    }
    return -1;
}

int obj_hasattr(Value o, StrObj *name)
{
    Value v;
    if (obj_lookup_attr(o, name, &v) < 0)
        return -1;
    return !IS_NULL(v);
}

static int is_data_descr(Value attr)
{
    if (!IS_OBJ(attr))
        return 0;
    TypeObj *at = OBJ_TYPE(AS_OBJ(attr));
    if (at == &property_type || at == &member_type || at == &getset_type)
        return 1;
    return (at->flags & TF_HEAPTYPE) && at->descr_get &&
           !IS_NULL(type_lookup(at, rt_names.set));
}

Value descr_bind(Value attr, Value instance, TypeObj *owner)
{
    if (!IS_OBJ(attr))
        return attr;
    TypeObj *at = OBJ_TYPE(AS_OBJ(attr));
    if (at->descr_get)
        return at->descr_get(attr, instance, owner);
    return attr;
}

static Value no_attribute(Value o, StrObj *name)
{
    return err_set(&exc_AttributeError, "'%s' object has no attribute '%s'",
                   obj_type_name(o), STR_CSTR(name));
}

/* ---- instance attributes: a dict, or inline values (ValuesObj) ---- */

/* The instance while its attributes are inline, else NULL. */
static inline ValuesObj *inline_of(Value o, TypeObj *t)
{
    if (!(t->flags & TF_INLINE_VALUES))
        return NULL;
    ValuesObj *vo = (ValuesObj *)AS_OBJ(o);
    return vo->base.dict == NULL ? vo : NULL;
}

/* Where name sits among the first n shared keys, or -1.  Names are
 * interned, so the pointer decides. */
static int32_t shared_index(TypeObj *t, StrObj *name, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        if (t->shared_keys->items[i].as.o == (Obj *)name)
            return (int32_t)i;
    return -1;
}

int32_t type_shared_index(TypeObj *t, StrObj *name)
{
    return t->shared_keys ? shared_index(t, name, (uint32_t)t->shared_keys->n)
                          : -1;
}

Value inst_get(Value o, TypeObj *t, StrObj *name)
{
    if (!(t->flags & TF_HAS_DICT) || !IS_OBJ(o))
        return V_NULL;
    ValuesObj *vo = inline_of(o, t);
    if (vo) {
        int32_t i = shared_index(t, name, vo->nvals);
        return i < 0 ? V_NULL : vo->vals[i];
    }
    DictObj *d = ((InstanceObj *)AS_OBJ(o))->dict;
    return d ? dict_get_str(d, name) : V_NULL;
}

int32_t inst_index(Value o, TypeObj *t, StrObj *name)
{
    if (!(t->flags & TF_HAS_DICT) || !IS_OBJ(o))
        return -1;
    ValuesObj *vo = inline_of(o, t);
    if (vo)
        return shared_index(t, name, vo->nvals);
    DictObj *d = ((InstanceObj *)AS_OBJ(o))->dict;
    return d ? dict_index_str(d, name) : -1;
}

/* Move the inline values into a new dict, in their order, for good. */
static DictObj *materialize(ValuesObj *vo, TypeObj *t)
{
    DictObj *d = dict_new();
    for (uint32_t i = 0; i < vo->nvals; i++) {
        StrObj *key = (StrObj *)AS_OBJ(t->shared_keys->items[i]);
        if (dict_set_str(d, key, vo->vals[i]) < 0)
            return NULL;
    }
    vo->base.dict = d;
    vo->nvals = 0;
    return d;
}

/* Add a name the instance lacks as its next inline value, if it is the
 * next shared key, or may become one.  1 done, 0 not possible, -1 error.
 * An instance out of room makes later instances of t roomier. */
static int inline_append(ValuesObj *vo, TypeObj *t, StrObj *name, Value v)
{
    uint32_t n = vo->nvals;
    ListObj *keys = t->shared_keys;
    size_t nkeys = keys ? keys->n : 0;
    if (n < nkeys) {
        if (keys->items[n].as.o != (Obj *)name)
            return 0;
    } else {
        if (nkeys >= INLINE_KEYS_MAX)
            return 0;
        if (!keys && !(keys = t->shared_keys = list_new(0)))
            return -1;
        if (list_append(keys, V_OBJ(name)) < 0)
            return -1;
        dict_watch_epoch++; /* see type_shared_index */
    }
    if (n >= vo->cap) {
        if (t->inline_cap < n + 1) {
            t->inline_cap = n + 1;
            dict_watch_epoch++; /* a VM plan may now apply (init_plan) */
        }
        return 0;
    }
    vo->vals[n] = v;
    vo->nvals = n + 1;
    return 1;
}

int32_t inst_set(Value o, TypeObj *t, StrObj *name, Value v)
{
    ValuesObj *vo = inline_of(o, t);
    if (vo) {
        int32_t i = shared_index(t, name, vo->nvals);
        if (IS_NULL(v) && i < 0) {
            no_attribute(o, name);
            return -1;
        }
        if (!IS_NULL(v) && i >= 0) {
            vo->vals[i] = v;
            return i;
        }
        if (!IS_NULL(v)) {
            int r = inline_append(vo, t, name, v);
            if (r != 0)
                return r < 0 ? -1 : (int32_t)vo->nvals - 1;
        }
        if (!materialize(vo, t))
            return -1;
    }
    InstanceObj *inst = (InstanceObj *)AS_OBJ(o);
    if (IS_NULL(v)) {
        if (!inst->dict || IS_NULL(dict_get_str(inst->dict, name))) {
            no_attribute(o, name);
            return -1;
        }
        return dict_del(inst->dict, V_OBJ(name)) < 0 ? -1 : 0;
    }
    if (!inst->dict)
        inst->dict = dict_new();
    return dict_set_str_at(inst->dict, name, v);
}

DictObj *inst_dict(Value o, TypeObj *t, int create)
{
    if (!(t->flags & TF_HAS_DICT) || !IS_OBJ(o))
        return NULL;
    ValuesObj *vo = inline_of(o, t);
    if (vo)
        return vo->nvals || create ? materialize(vo, t) : NULL;
    InstanceObj *inst = (InstanceObj *)AS_OBJ(o);
    if (!inst->dict && create)
        inst->dict = dict_new();
    return inst->dict;
}

/* Data descriptors on the type (property), then the instance dict, then
 * everything else on the type (methods bind, class attributes as is). */
Value obj_generic_getattr(Value o, StrObj *name)
{
    TypeObj *t = val_type(o);
    Value attr = type_lookup(t, name);
    if (!IS_NULL(attr) && is_data_descr(attr))
        return descr_bind(attr, o, t);
    Value v = inst_get(o, t, name);
    if (!IS_NULL(v))
        return v;
    if (!IS_NULL(attr))
        return descr_bind(attr, o, t);
    if (name == rt_names.class_)
        return V_OBJ(t);
    if (name == rt_names.dict && (t->flags & TF_HAS_DICT) && IS_OBJ(o)) {
        DictObj *d = inst_dict(o, t, 1);
        return d ? V_OBJ(d) : V_NULL;
    }
    Value w = type_slot_wrapper(t, name);
    if (!IS_NULL(w))
        return method_new(w, o);
    return no_attribute(o, name);
}

static int set_via_property(Value attr, Value o, Value v);

/* Setting or deleting an attribute of an object without a dict: a name
 * its type has (a method, a class attribute) is "read-only", as CPython
 * says; any other name does not exist.  Always -1. */
static int no_instance_attrs(Value o, TypeObj *t, StrObj *name, Value attr)
{
    if (IS_NULL(attr))
        no_attribute(o, name);
    else
        err_set(&exc_AttributeError, "'%s' object attribute '%s' is "
                "read-only", t->name, STR_CSTR(name));
    return -1;
}

int obj_generic_setattr(Value o, StrObj *name, Value v)
{
    TypeObj *t = val_type(o);
    Value attr = type_lookup(t, name);
    if (!IS_NULL(attr) && is_data_descr(attr))
        return set_via_property(attr, o, v);
    if (!(t->flags & TF_HAS_DICT) || !IS_OBJ(o))
        return no_instance_attrs(o, t, name, attr);
    return inst_set(o, t, name, v) < 0 ? -1 : 0;
}

/* Assignment through a data descriptor: property's own code, or a
 * script descriptor's __set__/__delete__. */
static int set_via_property(Value attr, Value o, Value v)
{
    TypeObj *at = val_type(attr);
    if (at == &property_type)
        return descr_property_set(attr, o, v);
    if (at == &member_type)
        return member_set(attr, o, v);
    if (at == &getset_type)
        return getset_set(attr, o, v);
    Value fn = type_lookup(at, IS_NULL(v) ? rt_names.delete : rt_names.set);
    if (IS_NULL(fn)) {
        err_set(&exc_AttributeError, "__%s__", IS_NULL(v) ? "delete" : "set");
        return -1;
    }
    Value args[3] = {attr, o, v};
    Value r = obj_call(fn, args, IS_NULL(v) ? 2 : 3, NULL);
    return IS_NULL(r) ? -1 : 0;
}

int obj_setattr(Value o, StrObj *name, Value v)
{
    if (!name->interned)
        name = str_intern(name);
    TypeObj *t = val_type(o);
    if (t->setattr)
        return t->setattr(o, name, v);
    /* No setattr slot: the type's instances are read-only, but properties
     * on it may still have setters. */
    Value attr = type_lookup(t, name);
    if (!IS_NULL(attr) && is_data_descr(attr))
        return set_via_property(attr, o, v);
    return no_instance_attrs(o, t, name, attr);
}

/* ---- calls ---- */

Value obj_call(Value callable, Value *args, int nargs, TupleObj *kwnames)
{
    TypeObj *t = val_type(callable);
    if (!t->call)
        return err_set(&exc_TypeError, "'%s' object is not callable",
                       t->name);
    return t->call(callable, args, nargs, kwnames);
}

Value obj_call0(Value callable)
{
    return obj_call(callable, NULL, 0, NULL);
}

Value obj_call1(Value callable, Value a)
{
    return obj_call(callable, &a, 1, NULL);
}

Value obj_call2(Value callable, Value a, Value b)
{
    Value args[2] = {a, b};
    return obj_call(callable, args, 2, NULL);
}

int obj_is_callable(Value v)
{
    return val_type(v)->call != NULL;
}

Value obj_call_method(Value self, const char *name, Value *args, int nargs)
{
    Value m = obj_getattr_cstr(self, name);
    if (IS_NULL(m))
        return V_NULL;
    gc_root_push(&m);
    Value r = obj_call(m, args, nargs, NULL);
    gc_root_pop(1);
    return r;
}

/* ---- iteration and containers ---- */

Value obj_iter(Value v)
{
    TypeObj *t = val_type(v);
    if (t->iter)
        return t->iter(v);
    if (t->getitem)
        return iter_seq_new(v);
    return err_set(&exc_TypeError, "'%s' object is not iterable", t->name);
}

Value obj_next(Value it)
{
    TypeObj *t = val_type(it);
    if (!t->next)
        return err_set(&exc_TypeError, "'%s' object is not an iterator",
                       t->name);
    return t->next(it);
}

/* An attribute name passed as an argument, as getattr() and
 * object.__setattr__ take one: interned, so that lookups may compare
 * pointers, or NULL with CPython's TypeError for a non-str. */
StrObj *obj_attr_name(Value v)
{
    if (!IS_TYPE(v, str_type)) {
        err_set(&exc_TypeError, "attribute name must be string, not '%s'",
                obj_type_name(v));
        return NULL;
    }
    return str_intern((StrObj *)AS_OBJ(v));
}

/* The iter slot of every iterator type: iter(it) is it. */
Value obj_iter_self(Value self)
{
    return self;
}

/* The loop that list.extend, set.update and the like share: fn sees each
 * item in turn, and the first failure of the iterator or of fn ends it.
 * The iterator and the item stay rooted across fn, which may run script
 * code (a __hash__ or __eq__, say) and with it a collection. */
int obj_foreach(Value iterable, int (*fn)(Value item, void *ctx), void *ctx)
{
    Value it = obj_iter(iterable);
    if (IS_NULL(it))
        return -1;
    Value item = V_NONE;
    gc_root_push(&it);
    gc_root_push(&item);
    int rc = 0;
    for (;;) {
        item = obj_next(it);
        if (IS_NULL(item)) {
            rc = err_occurred() ? -1 : 0;
            break;
        }
        if (fn(item, ctx) < 0) {
            rc = -1;
            break;
        }
    }
    gc_root_pop(2);
    return rc;
}

Value obj_getitem(Value o, Value key)
{
    TypeObj *t = val_type(o);
    if (t->getitem)
        return t->getitem(o, key);
    if (IS_OBJ(o) && t == &type_type)
        return err_set(&exc_TypeError, "type '%s' is not subscriptable",
                       ((TypeObj *)AS_OBJ(o))->name);
    return err_set(&exc_TypeError, "'%s' object is not subscriptable",
                   t->name);
}

int obj_setitem(Value o, Value key, Value v)
{
    TypeObj *t = val_type(o);
    if (t->setitem)
        return t->setitem(o, key, v);
    err_set(&exc_TypeError, "'%s' object does not support item assignment",
            t->name);
    return -1;
}

int obj_delitem(Value o, Value key)
{
    TypeObj *t = val_type(o);
    if (t->setitem)
        return t->setitem(o, key, V_NULL);
    /* CPython words this differently for sequences and non-sequences. */
    if (t->getitem)
        err_set(&exc_TypeError, "'%s' object doesn't support item deletion",
                t->name);
    else
        err_set(&exc_TypeError,
                "'%s' object does not support item deletion", t->name);
    return -1;
}

int64_t obj_len(Value o)
{
    TypeObj *t = val_type(o);
    if (t->len)
        return t->len(o);
    err_set(&exc_TypeError, "object of type '%s' has no len()", t->name);
    return -1;
}

/* `in` without a contains slot walks the iterator, comparing with ==. */
int obj_contains_by_iter(Value container, Value item)
{
    Value it = obj_iter(container);
    if (IS_NULL(it))
        return -1;
    Value x = V_NONE;
    gc_root_push(&it);
    gc_root_push(&item);
    gc_root_push(&x);
    int found = 0;
    for (;;) {
        x = obj_next(it);
        if (IS_NULL(x)) {
            found = err_occurred() ? -1 : 0;
            break;
        }
        /* Identity first, as CPython's containers compare. */
        found = val_is(x, item) ? 1 : obj_eq(x, item);
        if (found != 0)
            break;
    }
    gc_root_pop(3);
    return found;
}

int obj_contains(Value container, Value item)
{
    TypeObj *t = val_type(container);
    if (t->contains)
        return t->contains(container, item);
    if (t->iter || t->getitem)
        return obj_contains_by_iter(container, item);
    err_set(&exc_TypeError, "argument of type '%s' is not iterable",
            t->name);
    return -1;
}

/* ---- isinstance / issubclass ---- */

static int is_type_value(Value v)
{
    return IS_OBJ(v) && val_isinstance(v, &type_type);
}

static int spec_walk(Value probe, Value spec, int is_sub, const char *fn)
{
    if (is_type_value(spec)) {
        TypeObj *cls = (TypeObj *)AS_OBJ(spec);
        if (is_sub)
            return type_is_subtype((TypeObj *)AS_OBJ(probe), cls);
        return val_isinstance(probe, cls);
    }
    if (IS_TYPE(spec, tuple_type)) {
        TupleObj *t = (TupleObj *)AS_OBJ(spec);
        for (size_t i = 0; i < t->n; i++) {
            if (ts_enter_recursive(NULL) < 0)
                return -1;
            int r = spec_walk(probe, t->items[i], is_sub, fn);
            ts_leave_recursive();
            if (r != 0)
                return r;
        }
        return 0;
    }
    err_set(&exc_TypeError,
            "%s() arg 2 must be a type, a tuple of types, or a union", fn);
    return -1;
}

int obj_isinstance_spec(Value v, Value spec)
{
    return spec_walk(v, spec, 0, "isinstance");
}

int obj_issubclass_spec(Value cls, Value spec)
{
    if (!is_type_value(cls)) {
        err_set(&exc_TypeError, "issubclass() arg 1 must be a class");
        return -1;
    }
    return spec_walk(cls, spec, 1, "issubclass");
}
