/* tuple.c - immutable sequences with the items inline.
 *
 * The empty tuple is one static object, so `()` never allocates.  The hash
 * is cached in the object: a tuple's items cannot change, and a tuple used
 * as a dict key is hashed on every lookup.
 */
#include <string.h>

#include "runtime/runtime.h"
#include "runtime/iter.h"

/* Static, so the collector never frees it (gc_size 0 marks it as such). */
static TupleObj empty_tuple = {
    .hdr = {.type = &tuple_type},
    .hash = -1,
    .n = 0,
};

typedef struct TupleIterObj {
    Obj hdr;
    TupleObj *tuple; /* NULL once exhausted */
    size_t i;
} TupleIterObj;

TupleObj *tuple_new_or_null(size_t n)
{
    if (n == 0)
        return &empty_tuple;
    if (list_check_size(n, sizeof(Value)) < 0)
        return NULL;
    TupleObj *t = gc_alloc_or_null(&tuple_type,
                                   sizeof(TupleObj) + n * sizeof(Value));
    if (!t)
        return NULL;
    t->hash = -1;
    t->n = n;
    return t; /* calloc'd: every item is V_NULL (tag 0) */
}

TupleObj *tuple_new(size_t n)
{
    if (n == 0)
        return &empty_tuple;
    TupleObj *t = gc_alloc(&tuple_type, sizeof(TupleObj) + n * sizeof(Value));
    t->hash = -1;
    t->n = n;
    return t;
}

TupleObj *tuple_from_array(const Value *items, size_t n)
{
    TupleObj *t = tuple_new(n);
    if (n)
        memcpy(t->items, items, n * sizeof(Value));
    return t;
}

TupleObj *tuple_pack(size_t n, ...)
{
    TupleObj *t = tuple_new(n);
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++)
        t->items[i] = va_arg(ap, Value);
    va_end(ap);
    return t;
}

Value tuple_from_iter(Value iterable)
{
    if (IS_TYPE(iterable, tuple_type))
        return iterable;
    if (IS_TYPE(iterable, list_type)) {
        ListObj *l = (ListObj *)AS_OBJ(iterable);
        return V_OBJ(tuple_from_array(l->items, l->n));
    }
    Value lv = list_from_iter(iterable);
    if (IS_NULL(lv))
        return V_NULL;
    ListObj *l = (ListObj *)AS_OBJ(lv);
    return V_OBJ(tuple_from_array(l->items, l->n));
}

static void tuple_trace(Obj *self)
{
    TupleObj *t = (TupleObj *)self;
    for (size_t i = 0; i < t->n; i++)
        gc_mark_value(t->items[i]);
}

/* A tuple reached again through a list or dict inside it prints as
 * "(...)", as CPython's does: the list's own guard would otherwise stop
 * one level deeper and print the tuple once more.  The shared guard also
 * makes deep nesting raise RecursionError. */
static Value tuple_repr(Value self)
{
    TupleObj *t = (TupleObj *)AS_OBJ(self);
    if (t->n == 0)
        return V_OBJ(str_from_cstr("()"));
    int g = list_repr_enter(&t->hdr);
    if (g != 0)
        return g < 0 ? V_NULL : V_OBJ(str_from_cstr("(...)"));
    StrBuf b;
    str_buf_init(&b);
    str_buf_putc(&b, '(');
    for (size_t i = 0; i < t->n; i++) {
        if (i)
            str_buf_puts(&b, ", ");
        Value r = obj_repr(t->items[i]);
        if (IS_NULL(r)) {
            str_buf_free(&b);
            list_repr_leave(&t->hdr);
            return V_NULL;
        }
        StrObj *s = (StrObj *)AS_OBJ(r);
        str_buf_put(&b, s->data, s->nbytes);
    }
    str_buf_puts(&b, t->n == 1 ? ",)" : ")");
    list_repr_leave(&t->hdr);
    return V_OBJ(str_buf_finish(&b));
}

/* The xxHash-style combination CPython uses since 3.8, which mixes every
 * item's hash well enough that (1, 2) and (2, 1) differ. */
static int tuple_hash(Value self, int64_t *out)
{
    TupleObj *t = (TupleObj *)AS_OBJ(self);
    if (t->hash != -1) {
        *out = t->hash;
        return 0;
    }
    const uint64_t p1 = 11400714785074694791ULL, p2 = 14029467366897019727ULL,
                   p5 = 2870177450012600261ULL;
    uint64_t acc = p5;
    for (size_t i = 0; i < t->n; i++) {
        int64_t h;
        if (obj_hash(t->items[i], &h) < 0)
            return -1;
        acc += (uint64_t)h * p2;
        acc = (acc << 31) | (acc >> 33);
        acc *= p1;
    }
    acc += t->n ^ (p5 ^ 3527539UL);
    int64_t h = (int64_t)acc;
    if (h == -1)
        h = 1546275796;
    t->hash = h;
    *out = h;
    return 0;
}

static Value tuple_richcmp(Value a, Value b, int op)
{
    if (!IS_TYPE(b, tuple_type))
        return V_NOTIMPL;
    return list_seq_richcmp(a, b, op);
}

static Value tuple_slice(TupleObj *t, SliceObj *s)
{
    int64_t start, stop, step, n;
    if (slice_indices(s, (int64_t)t->n, &start, &stop, &step, &n) < 0)
        return V_NULL;
    if (step == 1 && n == (int64_t)t->n)
        return V_OBJ(t);
    TupleObj *r = tuple_new((size_t)n);
    for (int64_t i = 0, j = start; i < n; i++, j += step)
        r->items[i] = t->items[j];
    return V_OBJ(r);
}

static Value tuple_getitem(Value self, Value key)
{
    TupleObj *t = (TupleObj *)AS_OBJ(self);
    if (IS_TYPE(key, slice_type))
        return tuple_slice(t, (SliceObj *)AS_OBJ(key));
    int64_t i;
    if (list_index_arg(key, "tuple", &i) < 0 ||
        list_norm_index(&i, t->n, "tuple index out of range") < 0)
        return V_NULL;
    return t->items[i];
}

static int64_t tuple_len(Value self)
{
    return (int64_t)((TupleObj *)AS_OBJ(self))->n;
}

static int tuple_contains(Value self, Value item)
{
    TupleObj *t = (TupleObj *)AS_OBJ(self);
    for (size_t i = 0; i < t->n; i++) {
        int r = iter_item_eq(t->items[i], item);
        if (r != 0)
            return r;
    }
    return 0;
}

static Value tuple_concat(TupleObj *a, Value bv)
{
    if (!IS_TYPE(bv, tuple_type))
        return err_set(&exc_TypeError,
                       "can only concatenate tuple (not \"%s\") to tuple",
                       val_type_name(bv));
    TupleObj *b = (TupleObj *)AS_OBJ(bv);
    if (b->n == 0)
        return V_OBJ(a);
    if (a->n == 0)
        return bv;
    TupleObj *r = tuple_new_or_null(a->n + b->n);
    if (!r)
        return V_NULL;
    memcpy(r->items, a->items, a->n * sizeof(Value));
    memcpy(r->items + a->n, b->items, b->n * sizeof(Value));
    return V_OBJ(r);
}

static Value tuple_repeat(TupleObj *a, Value count)
{
    int64_t k;
    if (!val_as_int(count, &k))
        return err_set(&exc_TypeError,
                       "can't multiply sequence by non-int of type '%s'",
                       val_type_name(count));
    if (k <= 0 || a->n == 0)
        return V_OBJ(&empty_tuple);
    if (k == 1)
        return V_OBJ(a);
    if ((uint64_t)k > SIZE_MAX / a->n)
        return err_no_memory();
    TupleObj *r = tuple_new_or_null(a->n * (size_t)k);
    if (!r)
        return V_NULL;
    for (int64_t j = 0; j < k; j++)
        memcpy(r->items + (size_t)j * a->n, a->items, a->n * sizeof(Value));
    return V_OBJ(r);
}

/* A class with __radd__ / __rmul__ gets its chance at `tuple + x`; any
 * other right operand gets the sequence's own error message. */
static int defers_to_reflected(Value other, int op)
{
    TypeObj *t = val_type(other);
    if (!(t->flags & TF_HEAPTYPE))
        return 0;
    return !IS_NULL(type_lookup(t, rt_names.rbinop[op]));
}

static Value tuple_binop(Value a, Value b, int op)
{
    TupleObj *t = (TupleObj *)AS_OBJ(a);
    int base = op & ~BOP_INPLACE;
    if ((base != BOP_ADD && base != BOP_MUL) || defers_to_reflected(b, base))
        return V_NOTIMPL;
    return base == BOP_ADD ? tuple_concat(t, b) : tuple_repeat(t, b);
}

/* int * tuple. */
static Value tuple_rbinop(Value self, Value other, int op)
{
    int64_t k;
    if (op != BOP_MUL || !val_as_int(other, &k))
        return V_NOTIMPL;
    return tuple_repeat((TupleObj *)AS_OBJ(self), V_INT(k));
}

static Value tuple_iter(Value self)
{
    TupleIterObj *it = gc_alloc(&tuple_iter_type, sizeof *it);
    it->tuple = (TupleObj *)AS_OBJ(self);
    return V_OBJ(it);
}

static Value tuple_new_slot(Value type, Value *args, int nargs,
                            TupleObj *kwnames)
{
    (void)type;
    if (args_no_kw("tuple", kwnames) < 0 ||
        args_count("tuple", nargs, 0, 1) < 0)
        return V_NULL;
    if (nargs == 0)
        return V_OBJ(&empty_tuple);
    return tuple_from_iter(args[0]);
}

/* tuple.index(x[, start[, stop]]) and list.index share the bounds
 * handling: start and stop clamp like slice bounds. */
static Value tuple_index_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &tuple_type, "index") < 0)
        return V_NULL;
    if (args_no_kw("index", kwnames) < 0 ||
        args_count("index", nargs - 1, 1, 3) < 0)
        return V_NULL;
    TupleObj *t = (TupleObj *)AS_OBJ(args[0]);
    int64_t start = 0, stop = (int64_t)t->n;
    if (list_index_bounds(args + 2, nargs - 2, t->n, &start, &stop) < 0)
        return V_NULL;
    for (int64_t i = start; i < stop && i < (int64_t)t->n; i++) {
        int r = iter_item_eq(t->items[i], args[1]);
        if (r < 0)
            return V_NULL;
        if (r)
            return V_INT(i);
    }
    return err_set(&exc_ValueError, "tuple.index(x): x not in tuple");
}

static Value tuple_count_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &tuple_type, "count") < 0)
        return V_NULL;
    if (args_no_kw("tuple.count", kwnames) < 0 ||
        args_count("tuple.count", nargs - 1, 1, 1) < 0)
        return V_NULL;
    TupleObj *t = (TupleObj *)AS_OBJ(args[0]);
    int64_t n = 0;
    for (size_t i = 0; i < t->n; i++) {
        int r = iter_item_eq(t->items[i], args[1]);
        if (r < 0)
            return V_NULL;
        n += r;
    }
    return V_INT(n);
}

static const MethodDef tuple_methods[] = {
    {"index", tuple_index_m, NATIVE_METHOD},
    {"count", tuple_count_m, NATIVE_METHOD},
    {NULL, NULL, 0},
};

TypeObj tuple_type = {
    TYPE_OBJ_HEAD,
    .name = "tuple",
    .base = &object_type,
    /* Not TF_BASETYPE: a script subclass would get InstanceObj-sized
     * instances that these slots would read as tuple objects, so the class
     * statement reports "not an acceptable base type" instead. */
    .instance_size = sizeof(TupleObj),
    .trace = tuple_trace,
    .repr = tuple_repr,
    .hash = tuple_hash,
    .richcmp = tuple_richcmp,
    .binop = tuple_binop,
    .rbinop = tuple_rbinop,
    .iter = tuple_iter,
    .getitem = tuple_getitem,
    .len = tuple_len,
    .contains = tuple_contains,
    .new_ = tuple_new_slot,
};

static void tuple_iter_trace(Obj *self)
{
    gc_mark_obj((Obj *)((TupleIterObj *)self)->tuple);
}

static Value tuple_iter_next(Value self)
{
    TupleIterObj *it = (TupleIterObj *)AS_OBJ(self);
    if (it->tuple && it->i < it->tuple->n)
        return it->tuple->items[it->i++];
    it->tuple = NULL;
    return V_NULL;
}

TypeObj tuple_iter_type = {
    TYPE_OBJ_HEAD,
    .name = "tuple_iterator",
    .base = &object_type,
    .instance_size = sizeof(TupleIterObj),
    .trace = tuple_iter_trace,
    .iter = obj_iter_self,
    .next = tuple_iter_next,
};

void tuple_init(void)
{
    type_add_methods(&tuple_type, tuple_methods);
    type_register_static(&tuple_iter_type);
}
