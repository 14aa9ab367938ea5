/* list.c - mutable sequences, their iterators, and the helpers every
 * container shares (size checks, index normalisation, the repr guard,
 * lexicographic comparison).
 *
 * The items live in a malloc'd array reported to the collector with
 * gc_account.  Any element comparison or repr may run script code that
 * mutates the list, so loops re-read l->n and l->items after each such
 * call instead of caching them.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtime/runtime.h"
#include "runtime/iter.h"

typedef struct ListRevIterObj {
    Obj hdr;
    ListObj *list; /* NULL once exhausted */
    size_t i;      /* index of the next item + 1; 0 when done */
} ListRevIterObj;

static TypeObj list_reviter_type;

/* ---- helpers shared by the container files ---- */

/* The machine's physical memory: no single array can be larger, and
 * asking malloc for more would only abort under the sanitizers. */
static size_t memory_limit(void)
{
    static size_t limit;
    if (!limit) {
        long pages = sysconf(_SC_PHYS_PAGES), psize = sysconf(_SC_PAGESIZE);
        limit = pages > 0 && psize > 0 ? (size_t)pages * (size_t)psize
                                       : SIZE_MAX / 4;
    }
    return limit;
}

int list_check_size(size_t count, size_t size)
{
    if (size && (count > SIZE_MAX / size || count * size > memory_limit())) {
        err_no_memory();
        return -1;
    }
    return 0;
}

int list_norm_index(int64_t *i, size_t len, const char *msg)
{
    if (*i < 0)
        *i += (int64_t)len;
    if (*i < 0 || (uint64_t)*i >= len) {
        err_set(&exc_IndexError, "%s", msg);
        return -1;
    }
    return 0;
}

static int has_index_method(Value v)
{
    TypeObj *t = val_type(v);
    if (t->flags & TF_INT_SUBCLASS)
        return 1;
    return (t->flags & TF_HEAPTYPE) && !IS_NULL(type_lookup(t, rt_names.index));
}

int list_index_arg(Value key, const char *tname, int64_t *out)
{
    if (IS_INTLIKE(key)) {
        *out = AS_INT(key);
        return 0;
    }
    if (has_index_method(key))
        return num_as_index(key, out);
    err_set(&exc_TypeError, "%s indices must be integers or slices, not %s",
            tname, val_type_name(key));
    return -1;
}

static int bound_arg(Value v, size_t len, int64_t *out)
{
    int64_t x;
    if (IS_INTLIKE(v))
        x = AS_INT(v);
    else if (has_index_method(v)) {
        if (num_as_index(v, &x) < 0)
            return -1;
    } else {
        err_set(&exc_TypeError,
                "slice indices must be integers or have an __index__ method");
        return -1;
    }
    if (x < 0) {
        x += (int64_t)len;
        if (x < 0)
            x = 0;
    }
    *out = x;
    return 0;
}

int list_index_bounds(const Value *args, int nargs, size_t len,
                      int64_t *start, int64_t *stop)
{
    *start = 0;
    *stop = (int64_t)len;
    if (nargs >= 1 && bound_arg(args[0], len, start) < 0)
        return -1;
    if (nargs >= 2 && bound_arg(args[1], len, stop) < 0)
        return -1;
    return 0;
}

int list_check_self(const Value *args, int nargs, TypeObj *t,
                    const char *name)
{
    if (nargs < 1) {
        err_set(&exc_TypeError, "unbound method %s.%s() needs an argument",
                t->name, name);
        return -1;
    }
    if (val_type(args[0]) == t)
        return 0;
    err_set(&exc_TypeError,
            "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
            name, t->name, val_type_name(args[0]));
    return -1;
}

/* Objects whose repr is in progress on this thread, innermost last. */
static _Thread_local Obj **repr_stack;
static _Thread_local size_t repr_n, repr_cap;

int list_repr_enter(Obj *o)
{
    for (size_t i = 0; i < repr_n; i++)
        if (repr_stack[i] == o)
            return 1;
    if (ts_enter_recursive(" while getting the repr of an object") < 0)
        return -1;
    if (repr_n == repr_cap) {
        size_t cap = repr_cap ? repr_cap * 2 : 16;
        Obj **p = realloc(repr_stack, cap * sizeof *p);
        if (!p) {
            ts_leave_recursive();
            err_no_memory();
            return -1;
        }
        repr_stack = p;
        repr_cap = cap;
    }
    repr_stack[repr_n++] = o;
    return 0;
}

void list_repr_leave(Obj *o)
{
    (void)o;
    repr_n--;
    ts_leave_recursive();
}

static size_t seq_len(Value v)
{
    Obj *o = AS_OBJ(v);
    return OBJ_TYPE(o) == &list_type ? ((ListObj *)o)->n : ((TupleObj *)o)->n;
}

static Value *seq_items(Value v)
{
    Obj *o = AS_OBJ(v);
    return OBJ_TYPE(o) == &list_type ? ((ListObj *)o)->items
                                     : ((TupleObj *)o)->items;
}

static Value compare_sizes(size_t a, size_t b, int op)
{
    switch (op) {
    case CMP_LT: return V_BOOL(a < b);
    case CMP_LE: return V_BOOL(a <= b);
    case CMP_EQ: return V_BOOL(a == b);
    case CMP_NE: return V_BOOL(a != b);
    case CMP_GT: return V_BOOL(a > b);
    default: return V_BOOL(a >= b);
    }
}

Value list_seq_richcmp(Value a, Value b, int op)
{
    if ((op == CMP_EQ || op == CMP_NE) && seq_len(a) != seq_len(b))
        return V_BOOL(op == CMP_NE);
    size_t i;
    for (i = 0; i < seq_len(a) && i < seq_len(b); i++) {
        int r = iter_item_eq(seq_items(a)[i], seq_items(b)[i]);
        if (r < 0)
            return V_NULL;
        if (!r)
            break;
    }
    if (i >= seq_len(a) || i >= seq_len(b))
        return compare_sizes(seq_len(a), seq_len(b), op);
    if (op == CMP_EQ || op == CMP_NE)
        return V_BOOL(op == CMP_NE);
    Value x = seq_items(a)[i], y = seq_items(b)[i];
    gc_root_push(&x);
    gc_root_push(&y);
    Value r = obj_richcmp(x, y, op);
    gc_root_pop(2);
    return r;
}

/* ---- storage ---- */

/* Make room for `need` items, growing by half again so that appends are
 * amortised O(1). */
static int list_reserve(ListObj *l, size_t need)
{
    if (need <= l->cap)
        return 0;
    size_t cap = l->cap + l->cap / 2;
    if (cap < need)
        cap = need;
    if (cap < 4)
        cap = 4;
    if (list_check_size(cap, sizeof(Value)) < 0) {
        err_clear();
        cap = need;
        if (list_check_size(cap, sizeof(Value)) < 0)
            return -1;
    }
    Value *p = realloc(l->items, cap * sizeof(Value));
    if (!p) {
        err_no_memory();
        return -1;
    }
    gc_account((ptrdiff_t)((cap - l->cap) * sizeof(Value)));
    l->items = p;
    l->cap = cap;
    return 0;
}

/* Give memory back after a list shrank to a quarter of its capacity. */
static void list_maybe_shrink(ListObj *l)
{
    if (l->cap <= 16 || l->n >= l->cap / 4)
        return;
    size_t cap = l->n + l->n / 2 + 4;
    Value *p = realloc(l->items, cap * sizeof(Value));
    if (!p)
        return; /* keeping the larger block is harmless */
    gc_account(-(ptrdiff_t)((l->cap - cap) * sizeof(Value)));
    l->items = p;
    l->cap = cap;
}

static void list_free_items(ListObj *l)
{
    free(l->items);
    gc_account(-(ptrdiff_t)(l->cap * sizeof(Value)));
    l->items = NULL;
    l->n = l->cap = 0;
}

/* An empty list with room for cap items; NULL with MemoryError. */
static ListObj *list_alloc(size_t cap)
{
    ListObj *l = gc_alloc(&list_type, sizeof(ListObj));
    if (cap && list_reserve(l, cap) < 0)
        return NULL;
    return l;
}

ListObj *list_new(size_t n)
{
    ListObj *l = list_alloc(n);
    if (!l)
        return NULL;
    for (size_t i = 0; i < n; i++)
        l->items[i] = V_NONE;
    l->n = n;
    return l;
}

ListObj *list_from_array(const Value *items, size_t n)
{
    ListObj *l = list_alloc(n);
    if (!l)
        return NULL;
    if (n)
        memcpy(l->items, items, n * sizeof(Value));
    l->n = n;
    return l;
}

int list_append(ListObj *l, Value v)
{
    if (l->n == l->cap && list_reserve(l, l->n + 1) < 0)
        return -1;
    l->items[l->n++] = v;
    return 0;
}

static int list_extend_array(ListObj *l, const Value *items, size_t m)
{
    if (m == 0)
        return 0;
    if (list_reserve(l, l->n + m) < 0)
        return -1;
    /* items may be l's own array (l.extend(l)), moved by the realloc. */
    memmove(l->items + l->n, items, m * sizeof(Value));
    l->n += m;
    return 0;
}

/* list_append as an obj_foreach callback. */
static int append_item(Value v, void *l)
{
    return list_append(l, v);
}

int list_extend(ListObj *l, Value iterable)
{
    if (IS_TYPE(iterable, list_type)) {
        ListObj *src = (ListObj *)AS_OBJ(iterable);
        size_t m = src->n;
        if (list_reserve(l, l->n + m) < 0)
            return -1;
        return list_extend_array(l, src->items, m);
    }
    if (IS_TYPE(iterable, tuple_type)) {
        TupleObj *t = (TupleObj *)AS_OBJ(iterable);
        return list_extend_array(l, t->items, t->n);
    }
    return obj_foreach(iterable, append_item, l);
}

/* The size a builtin container will produce, so that list(range(10**10))
 * fails at once with MemoryError.  Script classes are not asked: their
 * __len__ could have side effects. */
static int64_t builtin_length_hint(Value v)
{
    TypeObj *t = val_type(v);
    if (!IS_OBJ(v) || (t->flags & TF_HEAPTYPE) || !t->len)
        return 0;
    int64_t n = t->len(v);
    if (n < 0) {
        err_clear();
        return 0;
    }
    return n;
}

Value list_from_iter(Value iterable)
{
    int64_t hint = builtin_length_hint(iterable);
    ListObj *l = list_alloc((size_t)hint);
    if (!l)
        return V_NULL;
    Value lv = V_OBJ(l);
    gc_root_push(&lv);
    int rc = list_extend(l, iterable);
    gc_root_pop(1);
    return rc < 0 ? V_NULL : lv;
}

/* Replace items [lo, lo + dn) by m items from src (which is never l's
 * own array). */
static int list_replace(ListObj *l, size_t lo, size_t dn, const Value *src,
                        size_t m)
{
    if (m > dn && list_reserve(l, l->n + (m - dn)) < 0)
        return -1;
    /* Nothing to do for an empty list's NULL array: pointer arithmetic
     * on NULL, even + 0, is undefined (UBSan, found by fuzzing). */
    if (m == 0 && dn == 0)
        return 0;
    memmove(l->items + lo + m, l->items + lo + dn,
            (l->n - lo - dn) * sizeof(Value));
    if (m)
        memcpy(l->items + lo, src, m * sizeof(Value));
    l->n = l->n + m - dn;
    if (m < dn)
        list_maybe_shrink(l);
    return 0;
}

/* ---- type slots ---- */

static void list_trace(Obj *self)
{
    ListObj *l = (ListObj *)self;
    for (size_t i = 0; i < l->n; i++)
        gc_mark_value(l->items[i]);
}

static void list_finalize(Obj *self)
{
    list_free_items((ListObj *)self);
}

static Value list_repr(Value self)
{
    ListObj *l = (ListObj *)AS_OBJ(self);
    if (l->n == 0)
        return V_OBJ(str_from_cstr("[]"));
    int g = list_repr_enter(&l->hdr);
    if (g != 0)
        return g < 0 ? V_NULL : V_OBJ(str_from_cstr("[...]"));
    StrBuf b;
    str_buf_init(&b);
    str_buf_putc(&b, '[');
    for (size_t i = 0; i < l->n; i++) {
        if (i)
            str_buf_puts(&b, ", ");
        Value item = l->items[i];
        gc_root_push(&item);
        Value r = obj_repr(item);
        gc_root_pop(1);
        if (IS_NULL(r)) {
            str_buf_free(&b);
            list_repr_leave(&l->hdr);
            return V_NULL;
        }
        StrObj *s = (StrObj *)AS_OBJ(r);
        str_buf_put(&b, s->data, s->nbytes);
    }
    str_buf_putc(&b, ']');
    list_repr_leave(&l->hdr);
    return V_OBJ(str_buf_finish(&b));
}

static Value list_richcmp(Value a, Value b, int op)
{
    if (!IS_TYPE(b, list_type))
        return V_NOTIMPL;
    return list_seq_richcmp(a, b, op);
}

static Value list_slice(ListObj *l, SliceObj *s)
{
    int64_t start, stop, step, n;
    if (slice_indices(s, (int64_t)l->n, &start, &stop, &step, &n) < 0)
        return V_NULL;
    /* An empty list's array may be NULL, and NULL + 0 is undefined. */
    if (step == 1)
        return V_OBJ(list_from_array(n ? l->items + start : NULL, (size_t)n));
    ListObj *r = list_alloc((size_t)n);
    if (!r)
        return V_NULL;
    for (int64_t i = 0, j = start; i < n; i++, j += step)
        r->items[i] = l->items[j];
    r->n = (size_t)n;
    return V_OBJ(r);
}

static Value list_getitem(Value self, Value key)
{
    ListObj *l = (ListObj *)AS_OBJ(self);
    int64_t i;
    if (IS_INT(key)) {
        i = AS_INT(key);
        if (i < 0)
            i += (int64_t)l->n;
        if ((uint64_t)i < l->n)
            return l->items[i];
        return err_set(&exc_IndexError, "list index out of range");
    }
    if (IS_TYPE(key, slice_type))
        return list_slice(l, (SliceObj *)AS_OBJ(key));
    if (list_index_arg(key, "list", &i) < 0 ||
        list_norm_index(&i, l->n, "list index out of range") < 0)
        return V_NULL;
    return l->items[i];
}

/* del l[start:stop:step] for a slice of n items. */
static void list_del_slice(ListObj *l, int64_t start, int64_t step,
                           int64_t n)
{
    if (n <= 0)
        return;
    if (step < 0) {
        start += step * (n - 1);
        step = -step;
    }
    if (step == 1) {
        list_replace(l, (size_t)start, (size_t)n, NULL, 0);
        return;
    }
    size_t w = (size_t)start, next = (size_t)start, k = 0;
    for (size_t r = (size_t)start; r < l->n; r++) {
        if (k < (size_t)n && r == next) {
            k++;
            next += (size_t)step;
            continue;
        }
        l->items[w++] = l->items[r];
    }
    l->n = w;
    list_maybe_shrink(l);
}

/* The right-hand side of a slice assignment as a fresh list, so that
 * l[:] = l and generators both work; CPython's message when it is not
 * iterable. */
static Value slice_source(Value v, int extended)
{
    Value it = obj_iter(v);
    if (IS_NULL(it)) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            err_set(&exc_TypeError, "%s",
                    extended ? "must assign iterable to extended slice"
                             : "can only assign an iterable");
        }
        return V_NULL;
    }
    gc_root_push(&it);
    Value r = list_from_iter(it);
    gc_root_pop(1);
    return r;
}

static int list_ass_slice(ListObj *l, SliceObj *s, Value v)
{
    int64_t start, stop, step, n;
    if (slice_indices(s, (int64_t)l->n, &start, &stop, &step, &n) < 0)
        return -1;
    if (IS_NULL(v)) {
        list_del_slice(l, start, step, n);
        return 0;
    }
    Value srcv = slice_source(v, step != 1);
    if (IS_NULL(srcv))
        return -1;
    ListObj *src = (ListObj *)AS_OBJ(srcv);
    /* Iterating the source may have run code that shrank l. */
    if (slice_indices(s, (int64_t)l->n, &start, &stop, &step, &n) < 0)
        return -1;
    if (step == 1)
        return list_replace(l, (size_t)start, (size_t)n, src->items, src->n);
    if ((int64_t)src->n != n) {
        err_set(&exc_ValueError,
                "attempt to assign sequence of size %zu to extended slice "
                "of size %lld", src->n, (long long)n);
        return -1;
    }
    for (int64_t k = 0; k < n; k++)
        l->items[start + k * step] = src->items[k];
    return 0;
}

static int list_setitem(Value self, Value key, Value v)
{
    ListObj *l = (ListObj *)AS_OBJ(self);
    if (IS_TYPE(key, slice_type))
        return list_ass_slice(l, (SliceObj *)AS_OBJ(key), v);
    int64_t i;
    if (list_index_arg(key, "list", &i) < 0 ||
        list_norm_index(&i, l->n, "list assignment index out of range") < 0)
        return -1;
    if (!IS_NULL(v)) {
        l->items[i] = v;
        return 0;
    }
    return list_replace(l, (size_t)i, 1, NULL, 0);
}

static int64_t list_len(Value self)
{
    return (int64_t)((ListObj *)AS_OBJ(self))->n;
}

static int list_contains(Value self, Value item)
{
    ListObj *l = (ListObj *)AS_OBJ(self);
    for (size_t i = 0; i < l->n; i++) {
        int r = iter_item_eq(l->items[i], item);
        if (r != 0)
            return r;
    }
    return 0;
}

static Value list_repeat(ListObj *a, Value count)
{
    int64_t k = AS_INT(count);
    if (k <= 0 || a->n == 0)
        return V_OBJ(list_alloc(0));
    if ((uint64_t)k > SIZE_MAX / a->n)
        return err_no_memory();
    size_t n = a->n, total = n * (size_t)k;
    ListObj *r = list_alloc(total);
    if (!r)
        return V_NULL;
    if (n == 1) {
        for (size_t i = 0; i < total; i++)
            r->items[i] = a->items[0];
    } else {
        for (int64_t j = 0; j < k; j++)
            memcpy(r->items + (size_t)j * n, a->items, n * sizeof(Value));
    }
    r->n = total;
    return V_OBJ(r);
}

/* l *= k in place. */
static Value list_irepeat(Value self, int64_t k)
{
    ListObj *l = (ListObj *)AS_OBJ(self);
    if (k <= 0 || l->n == 0) {
        list_free_items(l);
        return self;
    }
    if ((uint64_t)k > SIZE_MAX / l->n)
        return err_no_memory();
    size_t n = l->n, total = n * (size_t)k;
    if (list_reserve(l, total) < 0)
        return V_NULL;
    for (int64_t j = 1; j < k; j++)
        memcpy(l->items + (size_t)j * n, l->items, n * sizeof(Value));
    l->n = total;
    return self;
}

/* A class with __radd__ / __rmul__ gets its chance at `list + x`; any
 * other right operand gets the sequence's own error message. */
static int defers_to_reflected(Value other, int op)
{
    TypeObj *t = val_type(other);
    if (!(t->flags & TF_HEAPTYPE))
        return 0;
    return !IS_NULL(type_lookup(t, rt_names.rbinop[op]));
}

static Value list_binop(Value a, Value b, int op)
{
    ListObj *l = (ListObj *)AS_OBJ(a);
    int base = op & ~BOP_INPLACE, inplace = (op & BOP_INPLACE) != 0;
    if ((base != BOP_ADD && base != BOP_MUL) || defers_to_reflected(b, base))
        return V_NOTIMPL;
    if (base == BOP_MUL) {
        int64_t k;
        if (!val_as_int(b, &k))
            return err_set(&exc_TypeError,
                           "can't multiply sequence by non-int of type '%s'",
                           val_type_name(b));
        return inplace ? list_irepeat(a, k) : list_repeat(l, V_INT(k));
    }
    if (inplace)
        return list_extend(l, b) < 0 ? V_NULL : a;
    if (!IS_TYPE(b, list_type))
        return err_set(&exc_TypeError,
                       "can only concatenate list (not \"%s\") to list",
                       val_type_name(b));
    ListObj *m = (ListObj *)AS_OBJ(b);
    ListObj *r = list_alloc(l->n + m->n);
    if (!r)
        return V_NULL;
    list_extend_array(r, l->items, l->n);
    list_extend_array(r, m->items, m->n);
    return V_OBJ(r);
}

/* int * list. */
static Value list_rbinop(Value self, Value other, int op)
{
    int64_t k;
    if (op != BOP_MUL || !val_as_int(other, &k))
        return V_NOTIMPL;
    return list_repeat((ListObj *)AS_OBJ(self), V_INT(k));
}

static Value list_iter(Value self)
{
    ListIterObj *it = gc_alloc(&list_iter_type, sizeof *it);
    it->list = (ListObj *)AS_OBJ(self);
    return V_OBJ(it);
}

static int list_truth(Value self)
{
    return ((ListObj *)AS_OBJ(self))->n != 0;
}

static Value list_new_slot(Value type, Value *args, int nargs,
                           TupleObj *kwnames)
{
    (void)type;
    if (args_no_kw("list", kwnames) < 0 || args_count("list", nargs, 0, 1) < 0)
        return V_NULL;
    if (nargs == 0)
        return V_OBJ(list_alloc(0));
    return list_from_iter(args[0]);
}

/* ---- methods ---- */

#define SELF ((ListObj *)AS_OBJ(args[0]))

/* A METH_O-style method: exactly one argument, no keywords. */
static int one_arg(const char *name, int nargs, TupleObj *kwnames)
{
    return args_no_kw(name, kwnames) < 0 || args_count(name, nargs - 1, 1, 1) < 0
               ? -1 : 0;
}

static int no_args(const char *name, int nargs, TupleObj *kwnames)
{
    return args_no_kw(name, kwnames) < 0 || args_count(name, nargs - 1, 0, 0) < 0
               ? -1 : 0;
}

static Value list_append_m(Value *args, int nargs, TupleObj *kwnames)
{
    /* l.append(x) in a loop: one item, a list, room left. */
    if (nargs == 2 && (!kwnames || kwnames->n == 0) &&
        IS_TYPE(args[0], list_type) && SELF->n < SELF->cap) {
        SELF->items[SELF->n++] = args[1];
        return V_NONE;
    }
    if (list_check_self(args, nargs, &list_type, "append") < 0)
        return V_NULL;
    if (one_arg("list.append", nargs, kwnames) < 0 ||
        list_append(SELF, args[1]) < 0)
        return V_NULL;
    return V_NONE;
}

static Value list_extend_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &list_type, "extend") < 0)
        return V_NULL;
    if (one_arg("list.extend", nargs, kwnames) < 0 ||
        list_extend(SELF, args[1]) < 0)
        return V_NULL;
    return V_NONE;
}

static Value list_insert_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &list_type, "insert") < 0)
        return V_NULL;
    int64_t i;
    if (args_no_kw("insert", kwnames) < 0 ||
        args_count("insert", nargs - 1, 2, 2) < 0 ||
        num_as_index(args[1], &i) < 0)
        return V_NULL;
    ListObj *l = SELF;
    if (i < 0) {
        i += (int64_t)l->n;
        if (i < 0)
            i = 0;
    }
    if ((uint64_t)i > l->n)
        i = (int64_t)l->n;
    if (list_replace(l, (size_t)i, 0, &args[2], 1) < 0)
        return V_NULL;
    return V_NONE;
}

static Value list_pop_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &list_type, "pop") < 0)
        return V_NULL;
    if (args_no_kw("pop", kwnames) < 0 ||
        args_count("pop", nargs - 1, 0, 1) < 0)
        return V_NULL;
    ListObj *l = SELF;
    int64_t i = -1;
    if (nargs > 1 && num_as_index(args[1], &i) < 0)
        return V_NULL;
    if (l->n == 0)
        return err_set(&exc_IndexError, "pop from empty list");
    if (list_norm_index(&i, l->n, "pop index out of range") < 0)
        return V_NULL;
    Value v = l->items[i];
    if ((size_t)i == l->n - 1) {
        l->n--;
        list_maybe_shrink(l);
    } else {
        list_replace(l, (size_t)i, 1, NULL, 0);
    }
    return v;
}

static Value list_remove_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &list_type, "remove") < 0)
        return V_NULL;
    if (one_arg("list.remove", nargs, kwnames) < 0)
        return V_NULL;
    ListObj *l = SELF;
    for (size_t i = 0; i < l->n; i++) {
        int r = iter_item_eq(l->items[i], args[1]);
        if (r < 0)
            return V_NULL;
        if (r && i < l->n) {
            list_replace(l, i, 1, NULL, 0);
            return V_NONE;
        }
    }
    return err_set(&exc_ValueError, "list.remove(x): x not in list");
}

static Value not_in_list(Value x)
{
    Value r = obj_repr(x);
    if (IS_NULL(r))
        return V_NULL;
    return err_set(&exc_ValueError, "%s is not in list",
                   STR_CSTR((StrObj *)AS_OBJ(r)));
}

static Value list_index_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &list_type, "index") < 0)
        return V_NULL;
    if (args_no_kw("index", kwnames) < 0 ||
        args_count("index", nargs - 1, 1, 3) < 0)
        return V_NULL;
    ListObj *l = SELF;
    int64_t start, stop;
    if (list_index_bounds(args + 2, nargs - 2, l->n, &start, &stop) < 0)
        return V_NULL;
    for (int64_t i = start; i < stop && (uint64_t)i < l->n; i++) {
        int r = iter_item_eq(l->items[i], args[1]);
        if (r < 0)
            return V_NULL;
        if (r)
            return V_INT(i);
    }
    return not_in_list(args[1]);
}

static Value list_count_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &list_type, "count") < 0)
        return V_NULL;
    if (one_arg("list.count", nargs, kwnames) < 0)
        return V_NULL;
    ListObj *l = SELF;
    int64_t n = 0;
    for (size_t i = 0; i < l->n; i++) {
        int r = iter_item_eq(l->items[i], args[1]);
        if (r < 0)
            return V_NULL;
        n += r;
    }
    return V_INT(n);
}

static int sort_reverse_arg(Value v, int *out)
{
    int64_t r;
    if (IS_FLOAT(v)) {
        err_set(&exc_TypeError,
                "'float' object cannot be interpreted as an integer");
        return -1;
    }
    if (IS_INTLIKE(v))
        r = AS_INT(v);
    else if (num_as_index(v, &r) < 0)
        return -1;
    *out = r != 0;
    return 0;
}

/* sort(*, key=None, reverse=False): both arguments keyword-only. */
static Value list_sort_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &list_type, "sort") < 0)
        return V_NULL;
    if (nargs > 1)
        return err_set(&exc_TypeError, "sort() takes no positional arguments");
    Value key = V_NULL;
    int reverse = 0;
    size_t nkw = kwnames ? kwnames->n : 0;
    for (size_t i = 0; i < nkw; i++) {
        const char *name = STR_CSTR((StrObj *)AS_OBJ(kwnames->items[i]));
        Value v = args[nargs + i];
        if (strcmp(name, "key") == 0)
            key = IS_NONE(v) ? V_NULL : v;
        else if (strcmp(name, "reverse") == 0) {
            if (sort_reverse_arg(v, &reverse) < 0)
                return V_NULL;
        } else
            return err_set(&exc_TypeError,
                           "'%s' is an invalid keyword argument for sort()",
                           name);
    }
    if (list_sort(SELF, key, reverse) < 0)
        return V_NULL;
    return V_NONE;
}

static void reverse_items(Value *items, size_t n)
{
    for (size_t i = 0, j = n; i + 1 < j; i++, j--) {
        Value t = items[i];
        items[i] = items[j - 1];
        items[j - 1] = t;
    }
}

static Value list_reverse_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &list_type, "reverse") < 0)
        return V_NULL;
    if (no_args("list.reverse", nargs, kwnames) < 0)
        return V_NULL;
    reverse_items(SELF->items, SELF->n);
    return V_NONE;
}

static Value list_copy_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &list_type, "copy") < 0)
        return V_NULL;
    if (no_args("list.copy", nargs, kwnames) < 0)
        return V_NULL;
    ListObj *r = list_from_array(SELF->items, SELF->n);
    return r ? V_OBJ(r) : V_NULL;
}

static Value list_clear_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &list_type, "clear") < 0)
        return V_NULL;
    if (no_args("list.clear", nargs, kwnames) < 0)
        return V_NULL;
    list_free_items(SELF);
    return V_NONE;
}

#undef SELF

static const MethodDef list_methods[] = {
    {"append", list_append_m, NATIVE_METHOD},
    {"extend", list_extend_m, NATIVE_METHOD},
    {"insert", list_insert_m, NATIVE_METHOD},
    {"pop", list_pop_m, NATIVE_METHOD},
    {"remove", list_remove_m, NATIVE_METHOD},
    {"index", list_index_m, NATIVE_METHOD},
    {"count", list_count_m, NATIVE_METHOD},
    {"sort", list_sort_m, NATIVE_METHOD},
    {"reverse", list_reverse_m, NATIVE_METHOD},
    {"copy", list_copy_m, NATIVE_METHOD},
    {"clear", list_clear_m, NATIVE_METHOD},
    {NULL, NULL, 0},
};

TypeObj list_type = {
    TYPE_OBJ_HEAD,
    .name = "list",
    .base = &object_type,
    /* Not TF_BASETYPE: a script subclass would get InstanceObj-sized
     * instances that these slots would read as list objects, so the class
     * statement reports "not an acceptable base type" instead. */
    .instance_size = sizeof(ListObj),
    .trace = list_trace,
    .finalize = list_finalize,
    .repr = list_repr,
    .richcmp = list_richcmp,
    .binop = list_binop,
    .rbinop = list_rbinop,
    .iter = list_iter,
    .getitem = list_getitem,
    .setitem = list_setitem,
    .len = list_len,
    .contains = list_contains,
    .truth = list_truth,
    .new_ = list_new_slot,
};

/* ---- iterators ---- */

static void list_iter_trace(Obj *self)
{
    gc_mark_obj((Obj *)((ListIterObj *)self)->list);
}

static Value list_iter_next(Value self)
{
    Value v;
    return list_iter_next_fast((ListIterObj *)AS_OBJ(self), &v) ? v : V_NULL;
}

TypeObj list_iter_type = {
    TYPE_OBJ_HEAD,
    .name = "list_iterator",
    .base = &object_type,
    .instance_size = sizeof(ListIterObj),
    .trace = list_iter_trace,
    .iter = obj_iter_self,
    .next = list_iter_next,
};

Value list_reversed_new(ListObj *l)
{
    ListRevIterObj *it = gc_alloc(&list_reviter_type, sizeof *it);
    it->list = l;
    it->i = l->n;
    return V_OBJ(it);
}

static void list_reviter_trace(Obj *self)
{
    gc_mark_obj((Obj *)((ListRevIterObj *)self)->list);
}

/* A list that shrank under the iterator ends it, as in CPython. */
static Value list_reviter_next(Value self)
{
    ListRevIterObj *it = (ListRevIterObj *)AS_OBJ(self);
    if (it->list && it->i > 0 && it->i <= it->list->n)
        return it->list->items[--it->i];
    it->list = NULL;
    return V_NULL;
}

static TypeObj list_reviter_type = {
    TYPE_OBJ_HEAD,
    .name = "list_reverseiterator",
    .base = &object_type,
    .instance_size = sizeof(ListRevIterObj),
    .trace = list_reviter_trace,
    .iter = obj_iter_self,
    .next = list_reviter_next,
};

void list_init(void)
{
    type_add_methods(&list_type, list_methods);
    type_register_static(&list_iter_type);
    type_register_static(&list_reviter_type);
}
