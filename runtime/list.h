/* list.h - mutable sequences. */
#ifndef SIGVM_LIST_H
#define SIGVM_LIST_H

#include <stddef.h>

#include "object.h"

typedef struct ListObj {
    Obj hdr;
    size_t n;
    size_t cap;
    Value *items; /* malloc'd */
} ListObj;

ListObj *list_new(size_t n); /* n items set to None */
int list_append(ListObj *l, Value v);
int list_extend(ListObj *l, Value iterable);
Value list_from_iter(Value iterable);
/* Sort in place as list.sort(key=key, reverse=reverse); key may be V_NULL. */
int list_sort(ListObj *l, Value key, int reverse);

#endif

/* ---- Added by the containers owner (list.c, sort.c). ---- */
#ifndef SIGVM_LIST_EXTRA_H
#define SIGVM_LIST_EXTRA_H

/* The list iterator, exposed so the VM's FOR_ITER can step it inline. */
typedef struct ListIterObj {
    Obj hdr;
    ListObj *list; /* NULL once exhausted */
    size_t i;
} ListIterObj;

extern TypeObj list_iter_type;

/* FOR_ITER fast path: 1 with *out set, 0 when exhausted.  The length is
 * re-read every step, so a loop that appends to its own list sees the new
 * items, as in CPython. */
static inline int list_iter_next_fast(ListIterObj *it, Value *out)
{
    if (it->list && it->i < it->list->n) {
        *out = it->list->items[it->i++];
        return 1;
    }
    it->list = NULL;
    return 0;
}

/* list_new and list_from_array return NULL with MemoryError set only when
 * n is too large to allocate (never for the small sizes the VM uses). */
/* A list of n items copied from items (BUILD_LIST, tuple -> list). */
ListObj *list_from_array(const Value *items, size_t n);
/* The repr recursion guard shared by list, tuple, dict and set: returns 1
 * if o is already being repr'd on this thread (print "[...]"), 0 after
 * entering it, -1 with RecursionError when nesting is too deep.  Pair a 0
 * with list_repr_leave. */
int list_repr_enter(Obj *o);
void list_repr_leave(Obj *o);
/* MemoryError unless count items of size bytes can be allocated: the
 * product must not overflow nor exceed the machine's memory, so that
 * [0] * 10**10 raises instead of aborting in malloc. */
int list_check_size(size_t count, size_t size);
/* Lexicographic comparison of two lists or two tuples (CMP_*), re-reading
 * the lengths after every element comparison, which may run script code. */
Value list_seq_richcmp(Value a, Value b, int op);
/* Normalise a sequence index (negative counts from the end); -1 with
 * IndexError(msg) when out of range. */
int list_norm_index(int64_t *i, size_t len, const char *msg);
/* A subscript that is not a slice as an index: ints, bools and objects
 * with __index__; else TypeError "TNAME indices must be integers or
 * slices, not str". */
int list_index_arg(Value key, const char *tname, int64_t *out);
/* The self check of a builtin method called through its type
 * (list.append(5, 1)): -1 with CPython's TypeError unless args[0] is an
 * instance of t. */
int list_check_self(const Value *args, int nargs, TypeObj *t,
                    const char *name);
/* reversed(list): walks the list from its end. */
Value list_reversed_new(ListObj *l);
/* The optional start and stop of index() (args[0..nargs)), clamped to
 * [0, len] as slice bounds are. */
int list_index_bounds(const Value *args, int nargs, size_t len,
                      int64_t *start, int64_t *stop);

#endif
