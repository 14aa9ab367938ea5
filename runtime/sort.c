/* sort.c - list.sort: a stable merge sort.
 *
 * As in CPython, the list is emptied while it is being sorted: its items
 * move to a private list, so a key function or __lt__ that looks at or
 * mutates the list sees an empty one, and any change is detected at the
 * end ("list modified during sort").  Keys are computed once up front.
 *
 * Every array the sort touches (items, keys, the merge buffers) lives in a
 * rooted GC object, because a comparison may run script code and collect.
 * At each moment every item is in the main array or the merge buffer, so
 * marking both fully keeps all of them alive, and a comparison that
 * raises leaves the main array a permutation of the items.
 *
 * When all keys are ints, all floats or all strs, the comparison is done
 * inline and cannot fail: sorting a million ints is a benchmark.
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/runtime.h"

/* Lists up to this size are sorted as CPython sorts them (one run plus
 * binary insertion), larger ones by merging such pieces. */
#define INSERTION_LIMIT 64

enum { KIND_INT, KIND_FLOAT, KIND_STR, KIND_GENERIC };

typedef struct Sorter {
    int kind;
    Value *K;  /* keys, sorted */
    Value *V;  /* values moved alongside, NULL when the keys are the values */
    Value *tk; /* merge buffers of n / 2 + 1 */
    Value *tv;
} Sorter;

static int str_less(StrObj *a, StrObj *b)
{
    size_t n = a->nbytes < b->nbytes ? a->nbytes : b->nbytes;
    int c = memcmp(a->data, b->data, n);
    /* UTF-8 byte order is code point order. */
    return c < 0 || (c == 0 && a->nbytes < b->nbytes);
}

/* a < b: 1, 0, or -1 with an exception (generic keys only). */
static inline int less(const Sorter *s, Value a, Value b)
{
    switch (s->kind) {
    case KIND_INT: return a.as.i < b.as.i;
    case KIND_FLOAT: return a.as.f < b.as.f;
    case KIND_STR:
        return str_less((StrObj *)AS_OBJ(a), (StrObj *)AS_OBJ(b));
    default:
        if (IS_INT(a) && IS_INT(b))
            return a.as.i < b.as.i;
        return obj_richcmp_bool(a, b, CMP_LT);
    }
}

static int classify(const Value *keys, size_t n)
{
    size_t ints = 0, floats = 0, strs = 0;
    for (size_t i = 0; i < n; i++) {
        Value k = keys[i];
        if (IS_INTLIKE(k))
            ints++;
        else if (IS_FLOAT(k))
            floats++;
        else if (IS_TYPE(k, str_type))
            strs++;
    }
    if (ints == n)
        return KIND_INT;
    if (floats == n)
        return KIND_FLOAT;
    return strs == n ? KIND_STR : KIND_GENERIC;
}

static void swap_range(Value *a, size_t lo, size_t hi)
{
    for (size_t i = lo, j = hi; i + 1 < j; i++, j--) {
        Value t = a[i];
        a[i] = a[j - 1];
        a[j - 1] = t;
    }
}

/* Length of the run at the start of [lo, hi): non-descending, or strictly
 * descending (then reversed in place, which keeps the sort stable).  The
 * comparisons are CPython's, in CPython's order, so that a list with
 * mismatched types raises the same message ("'<' not supported between
 * instances of 'str' and 'int'") for the same pair. */
static int64_t count_run(Sorter *s, size_t lo, size_t hi)
{
    if (hi - lo < 2)
        return (int64_t)(hi - lo);
    int c = less(s, s->K[lo + 1], s->K[lo]);
    if (c < 0)
        return -1;
    size_t i = lo + 2;
    for (; i < hi; i++) {
        int d = less(s, s->K[i], s->K[i - 1]);
        if (d < 0)
            return -1;
        if (d != c)
            break;
    }
    if (c) {
        swap_range(s->K, lo, i);
        if (s->V)
            swap_range(s->V, lo, i);
    }
    return (int64_t)(i - lo);
}

/* Sort [lo, hi): its leading run, then binary insertion of the rest,
 * which needs few comparisons (they may each call __lt__). */
static int insertion_sort(Sorter *s, size_t lo, size_t hi)
{
    int64_t run = count_run(s, lo, hi);
    if (run < 0)
        return -1;
    for (size_t i = lo + (size_t)run; i < hi; i++) {
        Value k = s->K[i];
        size_t l = lo, r = i;
        while (l < r) {
            size_t m = l + (r - l) / 2;
            int c = less(s, k, s->K[m]);
            if (c < 0)
                return -1;
            if (c)
                r = m;
            else
                l = m + 1;
        }
        memmove(&s->K[l + 1], &s->K[l], (i - l) * sizeof(Value));
        s->K[l] = k;
        if (s->V) {
            Value v = s->V[i];
            memmove(&s->V[l + 1], &s->V[l], (i - l) * sizeof(Value));
            s->V[l] = v;
        }
    }
    return 0;
}

/* Merge the sorted runs [lo, mid) and [mid, hi).  The left run moves to
 * the buffer; on an error its remainder is copied back into the gap,
 * which is exactly the space still unfilled. */
static int merge(Sorter *s, size_t lo, size_t mid, size_t hi)
{
    size_t nl = mid - lo, i = 0, j = mid, k = lo;
    int rc = 0;
    memcpy(s->tk, s->K + lo, nl * sizeof(Value));
    if (s->V)
        memcpy(s->tv, s->V + lo, nl * sizeof(Value));
    while (i < nl && j < hi) {
        int c = less(s, s->K[j], s->tk[i]);
        if (c < 0) {
            rc = -1;
            break;
        }
        if (c) {
            s->K[k] = s->K[j];
            if (s->V)
                s->V[k] = s->V[j];
            j++;
        } else {
            s->K[k] = s->tk[i];
            if (s->V)
                s->V[k] = s->tv[i];
            i++;
        }
        k++;
    }
    memcpy(s->K + k, s->tk + i, (nl - i) * sizeof(Value));
    if (s->V)
        memcpy(s->V + k, s->tv + i, (nl - i) * sizeof(Value));
    return rc;
}

static int merge_sort(Sorter *s, size_t lo, size_t hi)
{
    if (hi - lo <= INSERTION_LIMIT)
        return insertion_sort(s, lo, hi);
    size_t mid = lo + (hi - lo) / 2;
    if (merge_sort(s, lo, mid) < 0 || merge_sort(s, mid, hi) < 0)
        return -1;
    /* Already in order (sorted input costs one comparison per run). */
    int c = less(s, s->K[mid], s->K[mid - 1]);
    if (c <= 0)
        return c;
    return merge(s, lo, mid, hi);
}

/* Keys for every item, in a new tuple; NULL if a call raised. */
static TupleObj *compute_keys(Value key, ListObj *items)
{
    TupleObj *keys = tuple_new_or_null(items->n);
    if (!keys)
        return NULL;
    Value kv = V_OBJ(keys);
    gc_root_push(&kv);
    for (size_t i = 0; i < items->n; i++) {
        Value k = obj_call1(key, items->items[i]);
        if (IS_NULL(k)) {
            keys = NULL;
            break;
        }
        keys->items[i] = k;
    }
    gc_root_pop(1);
    return keys;
}

/* Sort the private copy: vals holds the items, keys (or NULL) their
 * keys; both rooted by the caller. */
static int sort_items(ListObj *vals, TupleObj *keys, int reverse)
{
    size_t n = vals->n;
    Value *K = keys ? keys->items : vals->items;
    Value *V = keys ? vals->items : NULL;
    if (reverse) {
        /* Reverse, sort stably, reverse back: equal items keep their
         * original order, as CPython guarantees for reverse=True. */
        swap_range(K, 0, n);
        if (V)
            swap_range(V, 0, n);
    }
    int rc = 0;
    if (n > 1) {
        TupleObj *tk = tuple_new_or_null(n / 2 + 1);
        Value tkv = tk ? V_OBJ(tk) : V_NONE, tvv = V_NONE;
        gc_root_push(&tkv);
        gc_root_push(&tvv);
        TupleObj *tv = tk && V ? tuple_new_or_null(n / 2 + 1) : NULL;
        if (tv)
            tvv = V_OBJ(tv);
        if (!tk || (V && !tv)) {
            rc = -1;
        } else {
            Sorter s = {classify(K, n), K, V, tk->items, tv ? tv->items : NULL};
            rc = merge_sort(&s, 0, n);
        }
        gc_root_pop(2);
    }
    if (reverse) {
        swap_range(K, 0, n);
        if (V)
            swap_range(V, 0, n);
    }
    return rc;
}

int list_sort(ListObj *l, Value key, int reverse)
{
    /* Move the items out; `vals` owns the array while the sort runs. */
    ListObj *vals = gc_alloc(&list_type, sizeof(ListObj));
    vals->items = l->items;
    vals->n = l->n;
    vals->cap = l->cap;
    l->items = NULL;
    l->n = l->cap = 0;
    Value vv = V_OBJ(vals), kv = V_NONE;
    gc_root_push(&vv);
    gc_root_push(&kv);
    int rc = 0;
    TupleObj *keys = NULL;
    if (!IS_NULL(key)) {
        keys = compute_keys(key, vals);
        if (keys)
            kv = V_OBJ(keys);
        else
            rc = -1;
    }
    if (rc == 0)
        rc = sort_items(vals, keys, reverse);
    /* Put the items back, dropping whatever the script stored meanwhile. */
    int modified = l->items != NULL || l->n != 0;
    free(l->items);
    gc_account(-(ptrdiff_t)(l->cap * sizeof(Value)));
    l->items = vals->items;
    l->n = vals->n;
    l->cap = vals->cap;
    vals->items = NULL;
    vals->n = vals->cap = 0;
    gc_root_pop(2);
    if (rc == 0 && modified) {
        err_set(&exc_ValueError, "list modified during sort");
        return -1;
    }
    return rc;
}
