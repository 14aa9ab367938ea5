/* str.h - immutable Unicode strings stored as UTF-8.
 *
 * Length, indexing and slicing count code points; `ascii` lets the common
 * case index bytes directly.  Names (identifiers, attribute names, dict
 * keys that come from source) are interned, so the VM compares them by
 * pointer and the cached hash is always ready.
 */
#ifndef SIGVM_STR_H
#define SIGVM_STR_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "object.h"

struct StrObj {
    Obj hdr;
    int64_t hash;     /* -1 until computed */
    size_t nbytes;    /* UTF-8 bytes, without the terminating NUL */
    size_t nchars;    /* code points */
    uint8_t ascii;    /* nbytes == nchars */
    uint8_t interned;
    char data[];      /* NUL-terminated UTF-8 */
};

StrObj *str_new(const char *utf8, size_t nbytes); /* valid UTF-8 */
StrObj *str_from_cstr(const char *s);
StrObj *str_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
StrObj *str_intern(StrObj *s);          /* the canonical copy */
StrObj *str_intern_cstr(const char *s); /* interned, for names in C code */
int64_t str_hash(StrObj *s);
int str_eq(StrObj *a, StrObj *b);
Value str_concat(StrObj *a, StrObj *b);
Value str_join_values(Value *parts, int n); /* BUILD_STRING: all str */
#define STR_CSTR(s) ((const char *)(s)->data)

/* format(value, spec) for every builtin type: the format mini-language. */
Value str_format_value(Value v, StrObj *spec);
/* str % args */
Value str_percent_format(StrObj *fmt, Value args);

/* The str of a value as a C string for messages: the type name of v. */
const char *val_type_name(Value v);

#endif

/* ---- Added by the text/number owner (str.c, strmethods.c, format.c). ---- */
#ifndef SIGVM_STR_EXTRA_H
#define SIGVM_STR_EXTRA_H

#include <stdarg.h>

/* The empty string and the one-character ASCII strings are preallocated
 * singletons, so indexing and iteration over ASCII text never allocate. */
StrObj *str_empty(void);
/* The cached one-character string for c < 0x80. */
StrObj *str_ascii_char(uint8_t c);
/* A str of nbytes of text the caller knows to be ASCII: no UTF-8 scan. */
StrObj *str_new_ascii(const char *text, size_t nbytes);
/* memcpy for the short texts most strings are: two overlapping moves of
 * a word (or half a word) instead of a call. */
static inline void str_copy_text(char *dst, const char *src, size_t n)
{
    if (n >= 8 && n <= 16) {
        uint64_t a, b;
        memcpy(&a, src, 8);
        memcpy(&b, src + n - 8, 8);
        memcpy(dst, &a, 8);
        memcpy(dst + n - 8, &b, 8);
    } else if (n >= 4 && n < 8) {
        uint32_t a, b;
        memcpy(&a, src, 4);
        memcpy(&b, src + n - 4, 4);
        memcpy(dst, &a, 4);
        memcpy(dst + n - 4, &b, 4);
    } else if (n < 4) {
        for (size_t i = 0; i < n; i++)
            dst[i] = src[i];
    } else {
        memcpy(dst, src, n);
    }
}
/* chr(cp): ValueError "chr() arg not in range(0x110000)" when out of range. */
Value str_from_codepoint(int64_t cp);
/* ord(s) for a one-character str; -1 with TypeError otherwise. */
int64_t str_ord(StrObj *s);
/* ascii(v): repr with every non-ASCII character escaped. */
Value str_ascii(Value v);
/* repr of a str as CPython quotes it. */
StrObj *str_repr(StrObj *s);
/* Decode one UTF-8 sequence at p (valid UTF-8); returns its length. */
int str_utf8_decode(const char *p, uint32_t *cp);
/* Encode cp as UTF-8 into out (4 bytes room); returns the length. */
int str_utf8_encode(uint32_t cp, char *out);
/* Length of the longest valid UTF-8 prefix of data[0..n). */
size_t str_utf8_valid_prefix(const uint8_t *data, size_t n);
/* Byte offset of code point index i (0 <= i <= nchars). */
size_t str_offset_of(StrObj *s, size_t i);
/* Allocate a str with room for nbytes of UTF-8 that the caller fills in,
 * then calls str_finish to count the code points. */
StrObj *str_alloc(size_t nbytes);
StrObj *str_alloc_or_null(size_t nbytes);
void str_finish(StrObj *s);
/* str(obj, encoding, errors) decoding, shared by bytes.decode. */
Value str_decode(const uint8_t *data, size_t n, const char *encoding,
                 const char *errors);

/* A growable UTF-8 byte buffer for building strings in C.  It aborts on
 * malloc failure, as gc_alloc does; sizes a script controls are checked
 * by the caller first. */
typedef struct StrBuf {
    char *p;
    size_t n, cap;
    char small[128]; /* most results fit here without a malloc */
} StrBuf;
void str_buf_init(StrBuf *b);
void str_buf_put(StrBuf *b, const char *s, size_t n);
void str_buf_puts(StrBuf *b, const char *s);
void str_buf_putc(StrBuf *b, char c);
void str_buf_putcp(StrBuf *b, uint32_t cp);
void str_buf_fill(StrBuf *b, uint32_t cp, size_t count);
void str_buf_printf(StrBuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
StrObj *str_buf_finish(StrBuf *b); /* frees the buffer */
void str_buf_free(StrBuf *b);

/* Whether repr() shows cp as is (strmethods.c's Unicode tables). */
int str_cp_isprintable(uint32_t cp);
/* For int() and float(): s's text with every Unicode decimal digit as its
 * ASCII digit, every whitespace character as ' ' and any other non-ASCII
 * character as '?', as CPython's _PyUnicode_TransformDecimalAndSpaceToASCII
 * prepares them; malloc'd, NUL-terminated, *n bytes.  NULL with s->ascii
 * (use s->data as it is) or when out of memory (MemoryError set). */
char *str_decimal_ascii(StrObj *s, size_t *n);
/* str methods' module init (strmethods.c), called by str_init. */
void str_methods_init(void);
/* str.format(*args, **kwargs) (format.c). */
Value str_format_method(StrObj *fmt, Value *args, int nargs, TupleObj *kwnames);

#endif
