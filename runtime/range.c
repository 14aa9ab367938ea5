/* range.c - immutable arithmetic sequences and their iterator.
 *
 * Everything is computed from start, step and the length, in unsigned
 * arithmetic where an intermediate could leave the int64 range: a range
 * may span the whole int64 line even though no int outside it exists.
 */
#include <string.h>

#include "runtime/runtime.h"
#include "runtime/iter.h"

static StrObj *name_start, *name_stop, *name_step;

static uint64_t compute_len(int64_t start, int64_t stop, int64_t step)
{
    if (step > 0 && start < stop)
        return ((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1;
    if (step < 0 && start > stop)
        return ((uint64_t)start - (uint64_t)stop - 1) /
                   (0 - (uint64_t)step) + 1;
    return 0;
}

Value range_new(int64_t start, int64_t stop, int64_t step)
{
    RangeObj *r = gc_alloc(&range_type, sizeof *r);
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->len = compute_len(start, stop, step);
    return V_OBJ(r);
}

/* The i-th item, 0 <= i < len: it lies within int64, so wrapping
 * unsigned arithmetic gives the exact value. */
static int64_t item_at(RangeObj *r, uint64_t i)
{
    return (int64_t)((uint64_t)r->start + i * (uint64_t)r->step);
}

static int int_arg(Value v, int64_t *out)
{
    if (IS_INTLIKE(v)) {
        *out = AS_INT(v);
        return 0;
    }
    return num_as_index(v, out);
}

static Value range_new_slot(Value type, Value *args, int nargs,
                            TupleObj *kwnames)
{
    (void)type;
    int64_t a[3] = {0, 0, 1};
    if (args_no_kw("range", kwnames) < 0 || args_count("range", nargs, 1, 3) < 0)
        return V_NULL;
    for (int i = 0; i < nargs; i++)
        if (int_arg(args[i], &a[nargs == 1 ? 1 : i]) < 0)
            return V_NULL;
    if (a[2] == 0)
        return err_set(&exc_ValueError, "range() arg 3 must not be zero");
    return range_new(a[0], a[1], a[2]);
}

static Value range_repr(Value self)
{
    RangeObj *r = (RangeObj *)AS_OBJ(self);
    if (r->step == 1)
        return V_OBJ(str_printf("range(%lld, %lld)", (long long)r->start,
                                (long long)r->stop));
    return V_OBJ(str_printf("range(%lld, %lld, %lld)", (long long)r->start,
                            (long long)r->stop, (long long)r->step));
}

/* Two ranges are equal when they produce the same values. */
static int same_values(RangeObj *a, RangeObj *b)
{
    if (a->len != b->len)
        return 0;
    if (a->len == 0)
        return 1;
    if (a->start != b->start)
        return 0;
    return a->len == 1 || a->step == b->step;
}

static Value range_richcmp(Value a, Value b, int op)
{
    if (!IS_TYPE(b, range_type) || (op != CMP_EQ && op != CMP_NE))
        return V_NOTIMPL;
    int eq = same_values((RangeObj *)AS_OBJ(a), (RangeObj *)AS_OBJ(b));
    return V_BOOL(eq == (op == CMP_EQ));
}

/* Hash what equality looks at: (len, start, step), with the parts that do
 * not matter for short ranges left out. */
static int range_hash(Value self, int64_t *out)
{
    RangeObj *r = (RangeObj *)AS_OBJ(self);
    Value start = r->len ? V_INT(r->start) : V_NONE;
    Value step = r->len > 1 ? V_INT(r->step) : V_NONE;
    Value t = V_OBJ(tuple_pack(3, V_INT((int64_t)r->len), start, step));
    return obj_hash(t, out);
}

static int64_t range_len(Value self)
{
    RangeObj *r = (RangeObj *)AS_OBJ(self);
    if (r->len > (uint64_t)INT64_MAX) {
        err_set(&exc_OverflowError,
                "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (int64_t)r->len;
}

static int range_truth(Value self)
{
    return ((RangeObj *)AS_OBJ(self))->len != 0;
}

/* The position of int x in r, or -1 when absent. */
static int64_t position_of(RangeObj *r, int64_t x)
{
    if (r->len == 0)
        return -1;
    uint64_t off;
    if (r->step > 0) {
        if (x < r->start || x >= r->stop)
            return -1;
        off = (uint64_t)x - (uint64_t)r->start;
        if (off % (uint64_t)r->step)
            return -1;
        return (int64_t)(off / (uint64_t)r->step);
    }
    if (x > r->start || x <= r->stop)
        return -1;
    off = (uint64_t)r->start - (uint64_t)x;
    uint64_t st = 0 - (uint64_t)r->step;
    if (off % st)
        return -1;
    return (int64_t)(off / st);
}

/* Non-int items (1.0, objects with __eq__) are searched one by one. */
static int64_t linear_search(RangeObj *r, Value x)
{
    for (uint64_t i = 0; i < r->len; i++) {
        int eq = obj_eq(V_INT(item_at(r, i)), x);
        if (eq < 0)
            return -2;
        if (eq)
            return (int64_t)i;
    }
    return -1;
}

static int64_t find(RangeObj *r, Value x)
{
    if (IS_INTLIKE(x))
        return position_of(r, AS_INT(x));
    return linear_search(r, x);
}

static int range_contains(Value self, Value x)
{
    int64_t i = find((RangeObj *)AS_OBJ(self), x);
    return i == -2 ? -1 : i >= 0;
}

/* r[slice]: another range, as CPython computes it (start and stop both
 * mapped through the slice's indices). */
static Value range_slice(RangeObj *r, SliceObj *s)
{
    if (r->len > (uint64_t)INT64_MAX)
        return err_set(&exc_OverflowError,
                       "Python int too large to convert to C ssize_t");
    int64_t a, b, st, n;
    if (slice_indices(s, (int64_t)r->len, &a, &b, &st, &n) < 0)
        return V_NULL;
    __int128 start = (__int128)r->start + (__int128)a * r->step;
    __int128 stop = (__int128)r->start + (__int128)b * r->step;
    __int128 step = (__int128)st * r->step;
    if (step > INT64_MAX || step < -INT64_MAX)
        return err_set(&exc_OverflowError, "integer overflow");
    /* Only an empty slice or the stop of a slice ending at the int64
     * boundary can leave the int64 range; clamping keeps the length. */
    start = start > INT64_MAX ? INT64_MAX : start < INT64_MIN ? INT64_MIN : start;
    stop = stop > INT64_MAX ? INT64_MAX : stop < INT64_MIN ? INT64_MIN : stop;
    (void)n;
    return range_new((int64_t)start, (int64_t)stop, (int64_t)step);
}

static Value range_getitem(Value self, Value key)
{
    RangeObj *r = (RangeObj *)AS_OBJ(self);
    if (IS_TYPE(key, slice_type))
        return range_slice(r, (SliceObj *)AS_OBJ(key));
    int64_t i;
    if (list_index_arg(key, "range", &i) < 0)
        return V_NULL;
    uint64_t ui = (uint64_t)i;
    if (i < 0)
        ui = r->len - (0 - (uint64_t)i);
    if ((i < 0 && (0 - (uint64_t)i) > r->len) || ui >= r->len)
        return err_set(&exc_IndexError, "range object index out of range");
    return V_INT(item_at(r, ui));
}

static Value iter_from(int64_t first, int64_t step, uint64_t n)
{
    RangeIterObj *it = gc_alloc(&range_iter_type, sizeof *it);
    it->next = first;
    it->step = step;
    it->left = n;
    return V_OBJ(it);
}

static Value range_iter(Value self)
{
    RangeObj *r = (RangeObj *)AS_OBJ(self);
    return iter_from(r->start, r->step, r->len);
}

Value range_reversed_new(RangeObj *r)
{
    if (r->len == 0)
        return iter_from(0, 1, 0);
    return iter_from(item_at(r, r->len - 1),
                     (int64_t)(0 - (uint64_t)r->step), r->len);
}

static Value range_getattr(Value self, StrObj *name)
{
    RangeObj *r = (RangeObj *)AS_OBJ(self);
    if (name == name_start || strcmp(STR_CSTR(name), "start") == 0)
        return V_INT(r->start);
    if (name == name_stop || strcmp(STR_CSTR(name), "stop") == 0)
        return V_INT(r->stop);
    if (name == name_step || strcmp(STR_CSTR(name), "step") == 0)
        return V_INT(r->step);
    return obj_generic_getattr(self, name);
}

static Value range_index_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &range_type, "index") < 0)
        return V_NULL;
    if (args_no_kw("range.index", kwnames) < 0 ||
        args_count("range.index", nargs - 1, 1, 1) < 0)
        return V_NULL;
    int64_t i = find((RangeObj *)AS_OBJ(args[0]), args[1]);
    if (i >= 0)
        return V_INT(i);
    if (i == -2)
        return V_NULL;
    Value rep = obj_repr(args[1]);
    if (IS_NULL(rep))
        return V_NULL;
    return err_set(&exc_ValueError, "%s is not in range",
                   STR_CSTR((StrObj *)AS_OBJ(rep)));
}

static Value range_count_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &range_type, "count") < 0)
        return V_NULL;
    if (args_no_kw("range.count", kwnames) < 0 ||
        args_count("range.count", nargs - 1, 1, 1) < 0)
        return V_NULL;
    RangeObj *r = (RangeObj *)AS_OBJ(args[0]);
    if (IS_INTLIKE(args[1]))
        return V_INT(position_of(r, AS_INT(args[1])) >= 0);
    int64_t n = 0;
    for (uint64_t i = 0; i < r->len; i++) {
        int eq = obj_eq(V_INT(item_at(r, i)), args[1]);
        if (eq < 0)
            return V_NULL;
        n += eq;
    }
    return V_INT(n);
}

static const MethodDef range_methods[] = {
    {"index", range_index_m, NATIVE_METHOD},
    {"count", range_count_m, NATIVE_METHOD},
    {NULL, NULL, 0},
};

TypeObj range_type = {
    TYPE_OBJ_HEAD,
    .name = "range",
    .base = &object_type,
    .instance_size = sizeof(RangeObj),
    .repr = range_repr,
    .hash = range_hash,
    .richcmp = range_richcmp,
    .getattr = range_getattr,
    .iter = range_iter,
    .getitem = range_getitem,
    .len = range_len,
    .contains = range_contains,
    .truth = range_truth,
    .new_ = range_new_slot,
};

static Value range_iter_next(Value self)
{
    Value v;
    return range_iter_next_fast((RangeIterObj *)AS_OBJ(self), &v) ? v : V_NULL;
}

TypeObj range_iter_type = {
    TYPE_OBJ_HEAD,
    .name = "range_iterator",
    .base = &object_type,
    .instance_size = sizeof(RangeIterObj),
    .iter = obj_iter_self,
    .next = range_iter_next,
};

void range_init(void)
{
    name_start = str_intern_cstr("start");
    name_stop = str_intern_cstr("stop");
    name_step = str_intern_cstr("step");
    type_add_methods(&range_type, range_methods);
    type_register_static(&range_iter_type);
}
