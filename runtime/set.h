/* set.h - mutable sets (and frozenset-free: the subset has none). */
#ifndef SIGVM_SET_H
#define SIGVM_SET_H

#include "object.h"

typedef struct SetObj SetObj;

SetObj *set_new(void);
int set_add(SetObj *s, Value v);
int set_contains(SetObj *s, Value v);
int set_update(SetObj *s, Value iterable);

#endif

/* ---- Added by the containers owner (set.c). ---- */
#ifndef SIGVM_SET_EXTRA_H
#define SIGVM_SET_EXTRA_H

#include <stddef.h>

/* 1 removed, 0 absent, -1 error. */
int set_discard(SetObj *s, Value v);
size_t set_len(SetObj *s);
/* Iterate: *pos starts at 0; returns 0 when done. */
int set_next(SetObj *s, size_t *pos, Value *key);
SetObj *set_copy(SetObj *s);
/* A set display whose items are all constants, built as CPython 3.11
 * builds it: a frozenset constant (items added in order) merged into an
 * empty set (BUILD_SET 0; SET_UPDATE).  The resulting table layout, and so
 * the printed order, differs from adding the items one by one whenever
 * there are more than 4 of them, so the compiler/VM should use this for
 * displays of more than 2 constant items (CPython's folding rule) and
 * set_add in order for every other display.  NULL on error. */
SetObj *set_from_const_display(const Value *items, size_t n);

#endif
