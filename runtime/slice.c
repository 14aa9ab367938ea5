/* slice.c - slice objects and the index arithmetic every sequence shares.
 */
#include <string.h>

#include "runtime/runtime.h"
#include "runtime/iter.h"

static StrObj *name_start, *name_stop, *name_step;

Value slice_new(Value start, Value stop, Value step)
{
    SliceObj *s = gc_alloc(&slice_type, sizeof *s);
    s->start = start;
    s->stop = stop;
    s->step = step;
    return V_OBJ(s);
}

/* One slice bound as a C integer; *out is untouched for None. */
static int bound(Value v, int64_t *out)
{
    if (IS_NONE(v))
        return 0;
    if (IS_INTLIKE(v)) {
        *out = AS_INT(v);
        return 0;
    }
    TypeObj *t = val_type(v);
    if ((t->flags & TF_HEAPTYPE) && !IS_NULL(type_lookup(t, rt_names.index)))
        return num_as_index(v, out);
    err_set(&exc_TypeError, "slice indices must be integers or None or have "
                            "an __index__ method");
    return -1;
}

int slice_span_args(const Value *args, int nargs, size_t len,
                    size_t *start, size_t *end)
{
    int64_t n = (int64_t)len, a = 0, b = n;
    if ((nargs > 0 && bound(args[0], &a) < 0) ||
        (nargs > 1 && bound(args[1], &b) < 0))
        return -1;
    if (a < 0)
        a = a + n < 0 ? 0 : a + n;
    if (b < 0)
        b = b + n < 0 ? 0 : b + n;
    if (a > n)
        a = n + 1; /* past the end: nothing matches, not even "" */
    if (b > n)
        b = n;
    *start = (size_t)a;
    *end = (size_t)b;
    return 0;
}

static int64_t clamp(int64_t i, int64_t len, int64_t step)
{
    if (i < 0) {
        i += len;
        if (i < 0)
            i = step < 0 ? -1 : 0;
    } else if (i >= len) {
        i = step < 0 ? len - 1 : len;
    }
    return i;
}

/* slice_indices for any bounds and step, out of line so that the common
 * case below needs no registers saved. */
static __attribute__((noinline)) int indices_general(SliceObj *s, int64_t len,
                                                     int64_t *start,
                                                     int64_t *stop,
                                                     int64_t *step,
                                                     int64_t *slicelen)
{
    int64_t st = 1;
    if (bound(s->step, &st) < 0)
        return -1;
    if (st == 0) {
        err_set(&exc_ValueError, "slice step cannot be zero");
        return -1;
    }
    /* Keep -step representable. */
    if (st < -INT64_MAX)
        st = -INT64_MAX;
    int64_t a = st < 0 ? INT64_MAX : 0, b = st < 0 ? INT64_MIN : INT64_MAX;
    if (bound(s->start, &a) < 0 || bound(s->stop, &b) < 0)
        return -1;
    a = clamp(a, len, st);
    b = clamp(b, len, st);
    int64_t n = 0;
    if (st < 0 && b < a)
        n = (a - b - 1) / (-st) + 1;
    else if (st > 0 && a < b)
        n = (b - a - 1) / st + 1;
    *start = a;
    *stop = b;
    *step = st;
    *slicelen = n;
    return 0;
}

int slice_indices(SliceObj *s, int64_t len, int64_t *start, int64_t *stop,
                  int64_t *step, int64_t *slicelen)
{
    /* s[a:b] with int or omitted bounds, as most slices are. */
    if (IS_NONE(s->step) && (IS_INT(s->start) || IS_NONE(s->start)) &&
        (IS_INT(s->stop) || IS_NONE(s->stop))) {
        int64_t a = IS_INT(s->start) ? clamp(AS_INT(s->start), len, 1) : 0;
        int64_t b = IS_INT(s->stop) ? clamp(AS_INT(s->stop), len, 1) : len;
        *start = a;
        *stop = b;
        *step = 1;
        *slicelen = a < b ? b - a : 0;
        return 0;
    }
    return indices_general(s, len, start, stop, step, slicelen);
}

static void slice_trace(Obj *self)
{
    SliceObj *s = (SliceObj *)self;
    gc_mark_value(s->start);
    gc_mark_value(s->stop);
    gc_mark_value(s->step);
}

static Value slice_repr(Value self)
{
    SliceObj *s = (SliceObj *)AS_OBJ(self);
    Value parts[3] = {s->start, s->stop, s->step};
    StrBuf b;
    str_buf_init(&b);
    str_buf_puts(&b, "slice(");
    for (int i = 0; i < 3; i++) {
        Value r = obj_repr(parts[i]);
        if (IS_NULL(r)) {
            str_buf_free(&b);
            return V_NULL;
        }
        StrObj *rs = (StrObj *)AS_OBJ(r);
        if (i)
            str_buf_puts(&b, ", ");
        str_buf_put(&b, rs->data, rs->nbytes);
    }
    str_buf_putc(&b, ')');
    return V_OBJ(str_buf_finish(&b));
}

/* Slices compare as the tuples (start, stop, step). */
static Value slice_richcmp(Value a, Value b, int op)
{
    if (!IS_TYPE(b, slice_type))
        return V_NOTIMPL;
    SliceObj *x = (SliceObj *)AS_OBJ(a), *y = (SliceObj *)AS_OBJ(b);
    Value ta = V_OBJ(tuple_pack(3, x->start, x->stop, x->step));
    gc_root_push(&ta);
    Value tb = V_OBJ(tuple_pack(3, y->start, y->stop, y->step));
    gc_root_push(&tb);
    Value r = list_seq_richcmp(ta, tb, op);
    gc_root_pop(2);
    return r;
}

static Value slice_getattr(Value self, StrObj *name)
{
    SliceObj *s = (SliceObj *)AS_OBJ(self);
    if (name == name_start || strcmp(STR_CSTR(name), "start") == 0)
        return s->start;
    if (name == name_stop || strcmp(STR_CSTR(name), "stop") == 0)
        return s->stop;
    if (name == name_step || strcmp(STR_CSTR(name), "step") == 0)
        return s->step;
    return obj_generic_getattr(self, name);
}

static Value slice_new_slot(Value type, Value *args, int nargs,
                            TupleObj *kwnames)
{
    (void)type;
    if (args_no_kw("slice", kwnames) < 0 ||
        args_count("slice", nargs, 1, 3) < 0)
        return V_NULL;
    if (nargs == 1)
        return slice_new(V_NONE, args[0], V_NONE);
    return slice_new(args[0], args[1], nargs == 3 ? args[2] : V_NONE);
}

/* slice.indices(len) -> (start, stop, step). */
static Value slice_indices_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &slice_type, "indices") < 0)
        return V_NULL;
    int64_t len, start, stop, step, n;
    if (args_no_kw("slice.indices", kwnames) < 0 ||
        args_count("slice.indices", nargs - 1, 1, 1) < 0 ||
        num_as_index(args[1], &len) < 0)
        return V_NULL;
    if (len < 0)
        return err_set(&exc_ValueError, "length should not be negative");
    if (slice_indices((SliceObj *)AS_OBJ(args[0]), len, &start, &stop, &step,
                      &n) < 0)
        return V_NULL;
    return V_OBJ(tuple_pack(3, V_INT(start), V_INT(stop), V_INT(step)));
}

static const MethodDef slice_methods[] = {
    {"indices", slice_indices_m, NATIVE_METHOD},
    {NULL, NULL, 0},
};

TypeObj slice_type = {
    TYPE_OBJ_HEAD,
    .name = "slice",
    .base = &object_type,
    .instance_size = sizeof(SliceObj),
    .trace = slice_trace,
    .repr = slice_repr,
    .richcmp = slice_richcmp,
    .getattr = slice_getattr,
    .new_ = slice_new_slot,
};

void slice_init(void)
{
    name_start = str_intern_cstr("start");
    name_stop = str_intern_cstr("stop");
    name_step = str_intern_cstr("step");
    type_add_methods(&slice_type, slice_methods);
}
