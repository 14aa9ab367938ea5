/* slice.h - slice objects and index normalisation for sequences. */
#ifndef SIGVM_SLICE_H
#define SIGVM_SLICE_H

#include <stdint.h>

#include "object.h"

typedef struct SliceObj {
    Obj hdr;
    Value start, stop, step; /* None when omitted */
} SliceObj;

Value slice_new(Value start, Value stop, Value step);
/* Resolve against a sequence length as slice.indices() does; returns -1
 * with ValueError("slice step cannot be zero") or TypeError set. */
int slice_indices(SliceObj *s, int64_t len, int64_t *start, int64_t *stop,
                  int64_t *step, int64_t *slicelen);
/* The optional start and end arguments (args[0..nargs), None allowed) of
 * find, count, startswith and the like, resolved against len as slice
 * bounds are; a start past len comes back as len + 1, where nothing
 * matches, not even the empty string.  -1 with CPython's TypeError. */
int slice_span_args(const Value *args, int nargs, size_t len,
                    size_t *start, size_t *end);

#endif
