/* tuple.h - immutable sequences with the items inline. */
#ifndef SIGVM_TUPLE_H
#define SIGVM_TUPLE_H

#include <stddef.h>

#include "object.h"

struct TupleObj {
    Obj hdr;
    int64_t hash; /* -1 until computed */
    size_t n;
    Value items[];
};

TupleObj *tuple_new(size_t n); /* items V_NULL until filled */
TupleObj *tuple_pack(size_t n, ...); /* n Values */
Value tuple_from_iter(Value iterable);

#endif

/* ---- Added by the containers owner (tuple.c). ---- */
#ifndef SIGVM_TUPLE_EXTRA_H
#define SIGVM_TUPLE_EXTRA_H

extern TypeObj tuple_iter_type;

/* As tuple_new but NULL with MemoryError for sizes a script chooses. */
TupleObj *tuple_new_or_null(size_t n);
/* A tuple of n items copied from items. */
TupleObj *tuple_from_array(const Value *items, size_t n);

#endif
