/* bytes.h - immutable byte strings. */
#ifndef SIGVM_BYTES_H
#define SIGVM_BYTES_H

#include <stddef.h>
#include <stdint.h>

#include "object.h"

typedef struct BytesObj {
    Obj hdr;
    int64_t hash;
    size_t n;
    uint8_t data[]; /* NUL-terminated for convenience */
} BytesObj;

BytesObj *bytes_new(const void *data, size_t n);

#endif

/* ---- Added by the text/number owner (bytes.c). ---- */
struct StrObj;
/* s.encode(encoding, errors): utf-8, ascii and latin-1, with the errors
 * handlers strict, ignore, replace, backslashreplace, xmlcharrefreplace. */
Value bytes_from_str(struct StrObj *s, const char *encoding,
                     const char *errors);
