/* iter.h - ranges, the builtin iterator types and the helpers the
 * container files (list.c, tuple.c, dict.c, set.c, range.c, iter.c) share.
 *
 * The builtins module exposes enumerate, zip, map, filter and reversed as
 * the type objects themselves: calling one runs its new_ slot.  The VM's
 * FOR_ITER may take the inline fast paths below for the two iterators that
 * dominate loops (list.h has the list one).
 */
#ifndef SIGVM_ITER_H
#define SIGVM_ITER_H

#include <stddef.h>
#include <stdint.h>

#include "object.h"
#include "gc.h"

extern TypeObj enumerate_type, zip_type, map_type, filter_type,
    reversed_type;

/* The iterator for a type that has __getitem__ but no __iter__: asks for
 * seq[0], seq[1] ... until IndexError (or StopIteration).  obj_iter uses it
 * as its fallback. */
Value iter_seq_new(Value seq);
/* iter(callable, sentinel). */
Value iter_callable_new(Value callable, Value sentinel);

/* Equality for container searches (in, index, count, remove, dict and set
 * keys): identity first, as CPython's containers do, then obj_eq.  Both
 * values are rooted across obj_eq, because an __eq__ written in Python may
 * drop the container's last reference to them and collect. */
static inline int iter_item_eq(Value a, Value b)
{
    if (val_is(a, b))
        return 1;
    if (a.tag != VT_OBJ && b.tag != VT_OBJ)
        return obj_eq(a, b); /* numbers, None: no script code runs */
    gc_root_push(&a);
    gc_root_push(&b);
    int r = obj_eq(a, b);
    gc_root_pop(2);
    return r;
}

/* ---- range (range.c) ---- */

typedef struct RangeObj {
    Obj hdr;
    int64_t start, stop, step; /* step != 0 */
    uint64_t len;              /* number of items, computed once (may
                                  exceed INT64_MAX: len() then raises) */
} RangeObj;

/* range(start, stop, step) with step != 0 (the caller checks). */
Value range_new(int64_t start, int64_t stop, int64_t step);
/* reversed(range). */
Value range_reversed_new(RangeObj *r);

/* The iterator keeps the next value and a count of values left, so that
 * ranges ending near INT64_MAX never compute an overflowing value. */
typedef struct RangeIterObj {
    Obj hdr;
    int64_t next;
    int64_t step;
    uint64_t left;
} RangeIterObj;

extern TypeObj range_iter_type;

/* FOR_ITER fast path: 1 with *out set, 0 when exhausted. */
static inline int range_iter_next_fast(RangeIterObj *it, Value *out)
{
    if (it->left == 0)
        return 0;
    it->left--;
    *out = V_INT(it->next);
    /* Step past the last value only while values remain: the last
     * addition could overflow. */
    if (it->left)
        it->next += it->step;
    return 1;
}

#endif
