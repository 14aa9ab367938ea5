/* bytes.c - the immutable bytes type: literals' repr, the sequence
 * protocol (indexing gives ints), concatenation, encoding and decoding, and
 * the handful of methods scripts reach for.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memmem, memrchr */
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

#define BYTES(v) ((BytesObj *)AS_OBJ(v))

static BytesObj *empty_bytes;

static void bytes_mark_roots(void)
{
    gc_mark_obj((Obj *)empty_bytes);
}

static BytesObj *bytes_alloc_or_null(size_t n)
{
    if (n > ((size_t)1 << 40))
        return (BytesObj *)(err_no_memory(), NULL);
    BytesObj *b = gc_alloc_or_null(&bytes_type, sizeof(BytesObj) + n + 1);
    if (!b)
        return NULL;
    b->hash = -1;
    b->n = n;
    b->data[n] = 0;
    return b;
}

BytesObj *bytes_new(const void *data, size_t n)
{
    if (n == 0 && empty_bytes)
        return empty_bytes;
    BytesObj *b = gc_alloc(&bytes_type, sizeof(BytesObj) + n + 1);
    b->hash = -1;
    b->n = n;
    if (n)
        memcpy(b->data, data, n);
    b->data[n] = 0;
    if (n == 0)
        empty_bytes = b;
    return b;
}

/* ------------------------------------------------------------------ */
/* repr, hash, compare                                                  */

static Value bytes_repr(Value self)
{
    BytesObj *b = BYTES(self);
    char quote = '\'';
    if (memchr(b->data, '\'', b->n) && !memchr(b->data, '"', b->n))
        quote = '"';
    StrBuf sb;
    str_buf_init(&sb);
    str_buf_putc(&sb, 'b');
    str_buf_putc(&sb, quote);
    for (size_t i = 0; i < b->n; i++) {
        uint8_t c = b->data[i];
        if (c == quote || c == '\\') {
            str_buf_putc(&sb, '\\');
            str_buf_putc(&sb, (char)c);
        } else if (c == '\n') {
            str_buf_put(&sb, "\\n", 2);
        } else if (c == '\r') {
            str_buf_put(&sb, "\\r", 2);
        } else if (c == '\t') {
            str_buf_put(&sb, "\\t", 2);
        } else if (c < 0x20 || c >= 0x7F) {
            str_buf_printf(&sb, "\\x%02x", c);
        } else {
            str_buf_putc(&sb, (char)c);
        }
    }
    str_buf_putc(&sb, quote);
    return V_OBJ(str_buf_finish(&sb));
}

static int bytes_hash(Value self, int64_t *out)
{
    BytesObj *b = BYTES(self);
    if (b->hash == -1) {
        uint64_t h = 1469598103934665603ull ^ 0x5bd1e995u;
        for (size_t i = 0; i < b->n; i++) {
            h ^= b->data[i];
            h *= 1099511628211ull;
        }
        h ^= h >> 31;
        h *= 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
        b->hash = (int64_t)h == -1 ? -2 : (int64_t)h;
    }
    *out = b->hash;
    return 0;
}

static Value bytes_richcmp(Value a, Value b, int op)
{
    if (!IS_TYPE(a, bytes_type) || !IS_TYPE(b, bytes_type))
        return V_NOTIMPL;
    BytesObj *x = BYTES(a), *y = BYTES(b);
    size_t n = x->n < y->n ? x->n : y->n;
    int c = memcmp(x->data, y->data, n);
    if (!c)
        c = (x->n > y->n) - (x->n < y->n);
    switch (op) {
    case CMP_LT: return V_BOOL(c < 0);
    case CMP_LE: return V_BOOL(c <= 0);
    case CMP_EQ: return V_BOOL(c == 0);
    case CMP_NE: return V_BOOL(c != 0);
    case CMP_GT: return V_BOOL(c > 0);
    default: return V_BOOL(c >= 0);
    }
}

/* ------------------------------------------------------------------ */
/* Sequence protocol                                                    */

static Value bytes_repeat(BytesObj *b, int64_t n)
{
    if (n <= 0 || b->n == 0)
        return V_OBJ(bytes_new("", 0));
    if ((uint64_t)n > ((uint64_t)1 << 40) / b->n)
        return err_no_memory();
    BytesObj *r = bytes_alloc_or_null(b->n * (size_t)n);
    if (!r)
        return V_NULL;
    for (int64_t i = 0; i < n; i++)
        memcpy(r->data + (size_t)i * b->n, b->data, b->n);
    return V_OBJ(r);
}

static Value bytes_binop(Value a, Value b, int op)
{
    if (op >= BOP_INPLACE)
        op -= BOP_INPLACE;
    if (!IS_TYPE(a, bytes_type))
        return V_NOTIMPL;
    if (op == BOP_ADD) {
        if (!IS_TYPE(b, bytes_type)) {
            if (val_type(b)->flags & TF_HEAPTYPE)
                return V_NOTIMPL;
            return err_set(&exc_TypeError, "can't concat %s to bytes",
                           val_type_name(b));
        }
        BytesObj *x = BYTES(a), *y = BYTES(b);
        if (y->n == 0)
            return a;
        if (x->n == 0)
            return b;
        BytesObj *r = bytes_alloc_or_null(x->n + y->n);
        if (!r)
            return V_NULL;
        memcpy(r->data, x->data, x->n);
        memcpy(r->data + x->n, y->data, y->n);
        return V_OBJ(r);
    }
    if (op == BOP_MUL) {
        int64_t k;
        if (val_as_int(b, &k))
            return bytes_repeat(BYTES(a), k);
        if (val_type(b)->flags & TF_HEAPTYPE)
            return V_NOTIMPL;
        return err_set(&exc_TypeError,
                       "can't multiply sequence by non-int of type '%s'",
                       val_type_name(b));
    }
    return V_NOTIMPL;
}

static Value bytes_rbinop(Value self, Value other, int op)
{
    if (op >= BOP_INPLACE)
        op -= BOP_INPLACE;
    int64_t k;
    if (op == BOP_MUL && val_as_int(other, &k))
        return bytes_repeat(BYTES(self), k);
    return V_NOTIMPL;
}

static Value bytes_getitem(Value self, Value key)
{
    BytesObj *b = BYTES(self);
    if (IS_TYPE(key, slice_type)) {
        int64_t start, stop, step, n;
        if (slice_indices((SliceObj *)AS_OBJ(key), (int64_t)b->n, &start,
                          &stop, &step, &n) < 0)
            return V_NULL;
        if (n <= 0)
            return V_OBJ(bytes_new("", 0));
        if (step == 1)
            return V_OBJ(bytes_new(b->data + start, (size_t)n));
        BytesObj *r = bytes_alloc_or_null((size_t)n);
        if (!r)
            return V_NULL;
        for (int64_t k = 0, i = start; k < n; k++, i += step)
            r->data[k] = b->data[i];
        return V_OBJ(r);
    }
    int64_t i;
    if (!IS_INTLIKE(key) && (val_type(key)->flags & TF_HEAPTYPE) == 0)
        return err_set(&exc_TypeError,
                       "byte indices must be integers or slices, not %s",
                       val_type_name(key));
    if (num_as_index(key, &i) < 0)
        return V_NULL;
    if (i < 0)
        i += (int64_t)b->n;
    if (i < 0 || i >= (int64_t)b->n)
        return err_set(&exc_IndexError, "index out of range");
    return V_INT(b->data[i]);
}

static int64_t bytes_len(Value self)
{
    return (int64_t)BYTES(self)->n;
}

static int bytes_contains(Value self, Value item)
{
    BytesObj *b = BYTES(self);
    if (IS_INTLIKE(item)) {
        int64_t c = AS_INT(item);
        if (c < 0 || c > 255) {
            err_set(&exc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        return memchr(b->data, (int)c, b->n) != NULL;
    }
    if (!IS_TYPE(item, bytes_type)) {
        err_set(&exc_TypeError, "a bytes-like object is required, not '%s'",
                val_type_name(item));
        return -1;
    }
    BytesObj *t = BYTES(item);
    if (t->n == 0)
        return 1;
    return memmem(b->data, b->n, t->data, t->n) != NULL;
}

typedef struct BytesIterObj {
    Obj hdr;
    BytesObj *b;
    size_t i;
} BytesIterObj;

static void bytes_iter_trace(Obj *o)
{
    gc_mark_obj((Obj *)((BytesIterObj *)o)->b);
}

static Value bytes_iter_next(Value self)
{
    BytesIterObj *it = (BytesIterObj *)AS_OBJ(self);
    if (!it->b || it->i >= it->b->n) {
        it->b = NULL;
        return V_NULL;
    }
    return V_INT(it->b->data[it->i++]);
}

static TypeObj bytes_iter_type = {
    .base_hdr = {.hdr = {.type = &type_type}},
    .name = "bytes_iterator",
    .base = &object_type,
    .instance_size = sizeof(BytesIterObj),
    .trace = bytes_iter_trace,
    .iter = obj_iter_self,
    .next = bytes_iter_next,
};

static Value bytes_iter(Value self)
{
    BytesIterObj *it = gc_alloc(&bytes_iter_type, sizeof(BytesIterObj));
    it->b = BYTES(self);
    return V_OBJ(it);
}

static int bytes_truth(Value self)
{
    return BYTES(self)->n != 0;
}

/* ------------------------------------------------------------------ */
/* Encoding str to bytes                                                */

static const char *encode_codec(const char *enc)
{
    char low[32];
    size_t i = 0;
    for (; enc[i] && i < sizeof low - 1; i++) {
        char c = enc[i];
        low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c == '_' ? '-' : c);
    }
    low[i] = '\0';
    if (!strcmp(low, "utf-8") || !strcmp(low, "utf8") || !strcmp(low, "u8"))
        return "utf-8";
    if (!strcmp(low, "ascii") || !strcmp(low, "us-ascii"))
        return "ascii";
    if (!strcmp(low, "latin-1") || !strcmp(low, "latin1") ||
        !strcmp(low, "iso-8859-1") || !strcmp(low, "iso8859-1") ||
        !strcmp(low, "l1"))
        return "latin-1";
    return NULL;
}

static void put_escaped_cp(StrBuf *b, uint32_t cp)
{
    if (cp <= 0xFF)
        str_buf_printf(b, "\\x%02x", cp);
    else if (cp <= 0xFFFF)
        str_buf_printf(b, "\\u%04x", cp);
    else
        str_buf_printf(b, "\\U%08x", cp);
}

/* CPython reports the whole run of consecutive unencodable characters. */
static Value encode_error(const char *codec, StrObj *s, size_t pos,
                          size_t end, uint32_t cp, uint32_t limit)
{
    if (end - pos == 1) {
        StrBuf b;
        str_buf_init(&b);
        put_escaped_cp(&b, cp);
        str_buf_putc(&b, '\0');
        Value r = err_set(&exc_UnicodeEncodeError,
                          "'%s' codec can't encode character '%s' in "
                          "position %zu: ordinal not in range(%u)",
                          codec, b.p, pos, limit);
        str_buf_free(&b);
        return r;
    }
    (void)s;
    return err_set(&exc_UnicodeEncodeError,
                   "'%s' codec can't encode characters in position %zu-%zu: "
                   "ordinal not in range(%u)", codec, pos, end - 1, limit);
}

Value bytes_from_str(StrObj *s, const char *encoding, const char *errors)
{
    const char *codec = encode_codec(encoding ? encoding : "utf-8");
    if (!codec)
        return err_set(&exc_LookupError, "unknown encoding: %s", encoding);
    if (codec[0] == 'u' || s->ascii)
        return V_OBJ(bytes_new(s->data, s->nbytes));
    uint32_t limit = codec[0] == 'a' ? 128 : 256;
    const char *mode = errors ? errors : "strict";
    StrBuf b;
    str_buf_init(&b);
    size_t idx = 0;
    for (size_t off = 0; off < s->nbytes; idx++) {
        uint32_t cp;
        off += (size_t)str_utf8_decode(s->data + off, &cp);
        if (cp < limit) {
            str_buf_putc(&b, (char)cp);
            continue;
        }
        if (!strcmp(mode, "strict")) {
            size_t end = idx + 1, o2 = off;
            uint32_t c2;
            while (o2 < s->nbytes) {
                int l = str_utf8_decode(s->data + o2, &c2);
                if (c2 < limit)
                    break;
                o2 += (size_t)l;
                end++;
            }
            str_buf_free(&b);
            return encode_error(codec, s, idx, end, cp, limit);
        } else if (!strcmp(mode, "replace")) {
            str_buf_putc(&b, '?');
        } else if (!strcmp(mode, "backslashreplace")) {
            put_escaped_cp(&b, cp);
        } else if (!strcmp(mode, "xmlcharrefreplace")) {
            str_buf_printf(&b, "&#%u;", cp);
        } else if (strcmp(mode, "ignore")) {
            str_buf_free(&b);
            return err_set(&exc_LookupError, "unknown error handler name '%s'",
                           mode);
        }
    }
    BytesObj *r = bytes_new(b.p, b.n);
    str_buf_free(&b);
    return V_OBJ(r);
}

/* ------------------------------------------------------------------ */
/* The constructor                                                      */

static Value bytes_from_iterable(Value src)
{
    Value it = obj_iter(src);
    if (IS_NULL(it))
        return it;
    gc_root_push(&it);
    StrBuf b;
    str_buf_init(&b);
    Value item;
    while (!IS_NULL(item = obj_next(it))) {
        int64_t c;
        if (num_as_index(item, &c) < 0)
            goto fail;
        if (c < 0 || c > 255) {
            err_set(&exc_ValueError, "bytes must be in range(0, 256)");
            goto fail;
        }
        str_buf_putc(&b, (char)c);
    }
    if (err_occurred())
        goto fail;
    gc_root_pop(1);
    BytesObj *r = bytes_new(b.p, b.n);
    str_buf_free(&b);
    return V_OBJ(r);
fail:
    gc_root_pop(1);
    str_buf_free(&b);
    return V_NULL;
}

static Value bytes_new_slot(Value type, Value *args, int nargs,
                            TupleObj *kwnames)
{
    static const char *const names[] = {"source", "encoding", "errors"};
    Value a[3];
    (void)type;
    if (args_bind("bytes", args, nargs, kwnames, names, 3, 3, 0, a) < 0)
        return V_NULL;
    Value src = a[0];
    if (IS_NULL(src))
        return V_OBJ(bytes_new("", 0));
    if (IS_TYPE(src, str_type)) {
        StrObj *enc = NULL, *errs = NULL;
        if (IS_NULL(a[1]))
            return err_set(&exc_TypeError, "string argument without an encoding");
        if (args_str("bytes", 2, a[1], &enc) < 0)
            return V_NULL;
        if (!IS_NULL(a[2]) && args_str("bytes", 3, a[2], &errs) < 0)
            return V_NULL;
        return bytes_from_str((StrObj *)AS_OBJ(src), STR_CSTR(enc),
                              errs ? STR_CSTR(errs) : NULL);
    }
    if (!IS_NULL(a[1]))
        return err_set(&exc_TypeError, "encoding without a string argument");
    if (!IS_NULL(a[2]))
        return err_set(&exc_TypeError, "errors without a string argument");
    if (IS_TYPE(src, bytes_type))
        return src;
    if (IS_INTLIKE(src)) {
        int64_t n = AS_INT(src);
        if (n < 0)
            return err_set(&exc_ValueError, "negative count");
        BytesObj *r = bytes_alloc_or_null((size_t)n);
        if (!r)
            return V_NULL;
        memset(r->data, 0, (size_t)n);
        return V_OBJ(r);
    }
    if (IS_FLOAT(src))
        return err_set(&exc_TypeError, "cannot convert 'float' object to bytes");
    return bytes_from_iterable(src);
}

/* ------------------------------------------------------------------ */
/* Methods                                                              */

/* Argument helpers: every method receives self as args[0]. */
static int want_bytes(const char *fname, Value v, BytesObj **out)
{
    if (!IS_TYPE(v, bytes_type)) {
        (void)fname;
        err_set(&exc_TypeError, "a bytes-like object is required, not '%s'",
                val_type_name(v));
        return -1;
    }
    *out = BYTES(v);
    return 0;
}

static Value m_decode(Value *args, int nargs, TupleObj *kw)
{
    static const char *const names[] = {"encoding", "errors"};
    Value a[2];
    StrObj *enc = NULL, *errs = NULL;
    if (args_bind("decode", args + 1, nargs - 1, kw, names, 2, 2, 0, a) < 0)
        return V_NULL;
    if (!IS_NULL(a[0]) && args_str("decode", 1, a[0], &enc) < 0)
        return V_NULL;
    if (!IS_NULL(a[1]) && args_str("decode", 2, a[1], &errs) < 0)
        return V_NULL;
    BytesObj *b = BYTES(args[0]);
    return str_decode(b->data, b->n, enc ? STR_CSTR(enc) : NULL,
                      errs ? STR_CSTR(errs) : NULL);
}

static Value m_hex(Value *args, int nargs, TupleObj *kw)
{
    static const char digits[] = "0123456789abcdef";
    if (args_no_kw("hex", kw) < 0 || args_count("hex", nargs - 1, 0, 0) < 0)
        return V_NULL;
    BytesObj *b = BYTES(args[0]);
    StrObj *s = str_alloc_or_null(b->n * 2);
    if (!s)
        return V_NULL;
    for (size_t i = 0; i < b->n; i++) {
        s->data[2 * i] = digits[b->data[i] >> 4];
        s->data[2 * i + 1] = digits[b->data[i] & 15];
    }
    s->nchars = s->nbytes;
    s->ascii = 1;
    return V_OBJ(s);
}

static Value m_fromhex(Value *args, int nargs, TupleObj *kw)
{
    StrObj *s;
    /* A classmethod: args[0] is the class. */
    if (args_no_kw("fromhex", kw) < 0 ||
        args_count("fromhex", nargs - 1, 1, 1) < 0 ||
        args_str("fromhex", 1, args[1], &s) < 0)
        return V_NULL;
    StrBuf b;
    str_buf_init(&b);
    for (size_t i = 0; i < s->nbytes;) {
        if (s->data[i] == ' ') {
            i++;
            continue;
        }
        int hi = i < s->nbytes ? s->data[i] : 0, lo = s->data[i + 1];
        int h = hi >= '0' && hi <= '9' ? hi - '0'
              : (hi | 32) >= 'a' && (hi | 32) <= 'f' ? (hi | 32) - 'a' + 10 : -1;
        int l = lo >= '0' && lo <= '9' ? lo - '0'
              : (lo | 32) >= 'a' && (lo | 32) <= 'f' ? (lo | 32) - 'a' + 10 : -1;
        if (h < 0 || l < 0) {
            size_t pos = h < 0 ? i : i + 1;
            str_buf_free(&b);
            return err_set(&exc_ValueError,
                           "non-hexadecimal number found in fromhex() arg at "
                           "position %zu", pos);
        }
        str_buf_putc(&b, (char)(h * 16 + l));
        i += 2;
    }
    BytesObj *r = bytes_new(b.p, b.n);
    str_buf_free(&b);
    return V_OBJ(r);
}

static int is_ws(uint8_t c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static Value list_add_bytes(ListObj *l, const uint8_t *p, size_t n)
{
    if (list_append(l, V_OBJ(bytes_new(p, n))) < 0)
        return V_NULL;
    return V_NONE;
}

static Value m_split(Value *args, int nargs, TupleObj *kw)
{
    static const char *const names[] = {"sep", "maxsplit"};
    Value a[2];
    int64_t maxsplit = -1;
    if (args_bind("split", args + 1, nargs - 1, kw, names, 2, 2, 0, a) < 0)
        return V_NULL;
    if (!IS_NULL(a[1]) && num_as_index(a[1], &maxsplit) < 0)
        return V_NULL;
    BytesObj *b = BYTES(args[0]);
    ListObj *l = list_new(0);
    Value lv = V_OBJ(l);
    const uint8_t *p = b->data, *end = p + b->n;
    if (IS_NULL(a[0]) || IS_NONE(a[0])) {
        while (1) {
            while (p < end && is_ws(*p))
                p++;
            if (p == end)
                break;
            const uint8_t *q = p;
            if (maxsplit-- == 0) {
                q = end;
                while (q > p && is_ws(q[-1]))
                    q--;
                list_add_bytes(l, p, (size_t)(q - p));
                break;
            }
            while (q < end && !is_ws(*q))
                q++;
            list_add_bytes(l, p, (size_t)(q - p));
            p = q;
        }
        return lv;
    }
    BytesObj *sep;
    if (want_bytes("split", a[0], &sep) < 0)
        return V_NULL;
    if (sep->n == 0)
        return err_set(&exc_ValueError, "empty separator");
    while (maxsplit-- != 0) {
        const uint8_t *q = memmem(p, (size_t)(end - p), sep->data, sep->n);
        if (!q)
            break;
        list_add_bytes(l, p, (size_t)(q - p));
        p = q + sep->n;
    }
    list_add_bytes(l, p, (size_t)(end - p));
    return lv;
}

static Value m_join(Value *args, int nargs, TupleObj *kw)
{
    if (args_no_kw("join", kw) < 0 || args_count("join", nargs - 1, 1, 1) < 0)
        return V_NULL;
    BytesObj *sep = BYTES(args[0]);
    Value it = obj_iter(args[1]);
    if (IS_NULL(it))
        return it;
    gc_root_push(&it);
    StrBuf b;
    str_buf_init(&b);
    Value item;
    size_t i = 0;
    while (!IS_NULL(item = obj_next(it))) {
        if (!IS_TYPE(item, bytes_type)) {
            err_set(&exc_TypeError,
                    "sequence item %zu: expected a bytes-like object, %s found",
                    i, val_type_name(item));
            goto fail;
        }
        if (i++)
            str_buf_put(&b, (const char *)sep->data, sep->n);
        str_buf_put(&b, (const char *)BYTES(item)->data, BYTES(item)->n);
    }
    if (err_occurred())
        goto fail;
    gc_root_pop(1);
    BytesObj *r = bytes_new(b.p, b.n);
    str_buf_free(&b);
    return V_OBJ(r);
fail:
    gc_root_pop(1);
    str_buf_free(&b);
    return V_NULL;
}

/* strip/lstrip/rstrip: which = 1 left, 2 right, 3 both. */
static Value do_strip(Value *args, int nargs, TupleObj *kw, int which,
                      const char *fname)
{
    if (args_no_kw(fname, kw) < 0 || args_count(fname, nargs - 1, 0, 1) < 0)
        return V_NULL;
    BytesObj *b = BYTES(args[0]), *chars = NULL;
    if (nargs > 1 && !IS_NONE(args[1]) && want_bytes(fname, args[1], &chars) < 0)
        return V_NULL;
    size_t i = 0, j = b->n;
#define STRIPPED(c) (chars ? memchr(chars->data, (c), chars->n) != NULL : is_ws(c))
    if (which & 1)
        while (i < j && STRIPPED(b->data[i]))
            i++;
    if (which & 2)
        while (j > i && STRIPPED(b->data[j - 1]))
            j--;
#undef STRIPPED
    if (i == 0 && j == b->n)
        return args[0];
    return V_OBJ(bytes_new(b->data + i, j - i));
}

static Value m_strip(Value *args, int nargs, TupleObj *kw)
{
    return do_strip(args, nargs, kw, 3, "strip");
}

static Value m_lstrip(Value *args, int nargs, TupleObj *kw)
{
    return do_strip(args, nargs, kw, 1, "lstrip");
}

static Value m_rstrip(Value *args, int nargs, TupleObj *kw)
{
    return do_strip(args, nargs, kw, 2, "rstrip");
}

/* The needle of find/count/index: bytes or an int in range. */
static int needle_arg(Value v, uint8_t *one, const uint8_t **p, size_t *n)
{
    if (IS_INTLIKE(v)) {
        if (AS_INT(v) < 0 || AS_INT(v) > 255) {
            err_set(&exc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        *one = (uint8_t)AS_INT(v);
        *p = one;
        *n = 1;
        return 0;
    }
    if (!IS_TYPE(v, bytes_type)) {
        err_set(&exc_TypeError,
                "argument should be integer or bytes-like object, not '%s'",
                val_type_name(v));
        return -1;
    }
    *p = BYTES(v)->data;
    *n = BYTES(v)->n;
    return 0;
}

/* kind: 0 find, 1 rfind, 2 index, 3 rindex, 4 count. */
static Value do_find(Value *args, int nargs, TupleObj *kw, int kind,
                     const char *fname)
{
    if (args_no_kw(fname, kw) < 0 || args_count(fname, nargs - 1, 1, 3) < 0)
        return V_NULL;
    BytesObj *b = BYTES(args[0]);
    uint8_t one;
    const uint8_t *np;
    size_t nn, s, e;
    if (needle_arg(args[1], &one, &np, &nn) < 0 ||
        slice_span_args(args + 2, nargs - 2, b->n, &s, &e) < 0)
        return V_NULL;
    int64_t found = -1, count = 0;
    if (s <= e && e - s >= nn) {
        for (size_t i = s; i + nn <= e;) {
            if (memcmp(b->data + i, np, nn) == 0) {
                if (kind == 4) {
                    count++;
                    i += nn ? nn : 1;
                    continue;
                }
                found = (int64_t)i;
                if (kind == 0 || kind == 2)
                    break;
            }
            i++;
        }
    }
    if (kind == 4)
        return V_INT(count);
    if (found < 0 && kind >= 2)
        return err_set(&exc_ValueError, "subsection not found");
    return V_INT(found);
}

static Value m_find(Value *a, int n, TupleObj *k) { return do_find(a, n, k, 0, "find"); }
static Value m_rfind(Value *a, int n, TupleObj *k) { return do_find(a, n, k, 1, "rfind"); }
static Value m_index(Value *a, int n, TupleObj *k) { return do_find(a, n, k, 2, "index"); }
static Value m_rindex(Value *a, int n, TupleObj *k) { return do_find(a, n, k, 3, "rindex"); }
static Value m_count(Value *a, int n, TupleObj *k) { return do_find(a, n, k, 4, "count"); }

/* Whether b[s:e] starts (or, with end, ends) with the bytes affix x; a
 * tuple's item that is not bytes is CPython's "bytes-like" TypeError. */
static int affix_match(BytesObj *b, Value affix, size_t s, size_t e, int end)
{
    if (!IS_TYPE(affix, bytes_type)) {
        err_set(&exc_TypeError, "a bytes-like object is required, not '%s'",
                val_type_name(affix));
        return -1;
    }
    BytesObj *x = BYTES(affix);
    if (s > e || e - s < x->n)
        return 0;
    const uint8_t *p = end ? b->data + e - x->n : b->data + s;
    return memcmp(p, x->data, x->n) == 0;
}

static Value do_affix(Value *args, int nargs, TupleObj *kw, int end,
                      const char *fname)
{
    if (args_no_kw(fname, kw) < 0 || args_count(fname, nargs - 1, 1, 3) < 0)
        return V_NULL;
    BytesObj *b = BYTES(args[0]);
    size_t s, e;
    if (slice_span_args(args + 2, nargs - 2, b->n, &s, &e) < 0)
        return V_NULL;
    if (IS_TYPE(args[1], tuple_type)) {
        TupleObj *t = (TupleObj *)AS_OBJ(args[1]);
        for (size_t i = 0; i < t->n; i++) {
            int r = affix_match(b, t->items[i], s, e, end);
            if (r)
                return r < 0 ? V_NULL : V_TRUE;
        }
        return V_FALSE;
    }
    if (!IS_TYPE(args[1], bytes_type))
        return err_set(&exc_TypeError, "%s first arg must be bytes or a "
                       "tuple of bytes, not %s", fname,
                       val_type_name(args[1]));
    return V_BOOL(affix_match(b, args[1], s, e, end));
}

static Value m_startswith(Value *a, int n, TupleObj *k) { return do_affix(a, n, k, 0, "startswith"); }
static Value m_endswith(Value *a, int n, TupleObj *k) { return do_affix(a, n, k, 1, "endswith"); }

static Value m_replace(Value *args, int nargs, TupleObj *kw)
{
    BytesObj *b = BYTES(args[0]), *old, *new_;
    int64_t count = -1;
    if (args_no_kw("replace", kw) < 0 ||
        args_count("replace", nargs - 1, 2, 3) < 0 ||
        want_bytes("replace", args[1], &old) < 0 ||
        want_bytes("replace", args[2], &new_) < 0 ||
        (nargs > 3 && num_as_index(args[3], &count) < 0))
        return V_NULL;
    StrBuf sb;
    str_buf_init(&sb);
    size_t i = 0;
    while (i <= b->n && count != 0) {
        const uint8_t *q;
        if (old->n == 0) {
            q = b->data + i;
        } else {
            q = memmem(b->data + i, b->n - i, old->data, old->n);
            if (!q)
                break;
        }
        str_buf_put(&sb, (const char *)b->data + i, (size_t)(q - b->data) - i);
        str_buf_put(&sb, (const char *)new_->data, new_->n);
        i = (size_t)(q - b->data) + old->n;
        if (old->n == 0) {
            if (i < b->n)
                str_buf_putc(&sb, (char)b->data[i]);
            i++;
        }
        count--;
    }
    if (i < b->n)
        str_buf_put(&sb, (const char *)b->data + i, b->n - i);
    BytesObj *r = bytes_new(sb.p, sb.n);
    str_buf_free(&sb);
    return V_OBJ(r);
}

static Value do_case(Value *args, int nargs, TupleObj *kw, int upper,
                     const char *fname)
{
    if (args_no_kw(fname, kw) < 0 || args_count(fname, nargs - 1, 0, 0) < 0)
        return V_NULL;
    BytesObj *b = BYTES(args[0]);
    BytesObj *r = bytes_alloc_or_null(b->n);
    if (!r)
        return V_NULL;
    for (size_t i = 0; i < b->n; i++) {
        uint8_t c = b->data[i];
        if (upper && c >= 'a' && c <= 'z')
            c = (uint8_t)(c - 32);
        else if (!upper && c >= 'A' && c <= 'Z')
            c = (uint8_t)(c + 32);
        r->data[i] = c;
    }
    return V_OBJ(r);
}

static Value m_upper(Value *a, int n, TupleObj *k) { return do_case(a, n, k, 1, "upper"); }
static Value m_lower(Value *a, int n, TupleObj *k) { return do_case(a, n, k, 0, "lower"); }

/* kind: 0 digit, 1 alpha, 2 alnum, 3 space, 4 upper, 5 lower. */
static int byte_class(uint8_t c, int kind)
{
    int d = c >= '0' && c <= '9', up = c >= 'A' && c <= 'Z',
        lo = c >= 'a' && c <= 'z';
    switch (kind) {
    case 0: return d;
    case 1: return up || lo;
    case 2: return d || up || lo;
    default: return is_ws(c);
    }
}

static Value do_pred(Value *args, int nargs, TupleObj *kw, int kind,
                     const char *fname)
{
    if (args_no_kw(fname, kw) < 0 || args_count(fname, nargs - 1, 0, 0) < 0)
        return V_NULL;
    BytesObj *b = BYTES(args[0]);
    if (kind >= 4) {
        /* isupper/islower: some cased byte, and none of the other case. */
        int cased = 0;
        for (size_t i = 0; i < b->n; i++) {
            uint8_t c = b->data[i];
            int up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
            if ((kind == 4 && lo) || (kind == 5 && up))
                return V_FALSE;
            cased |= up || lo;
        }
        return V_BOOL(cased);
    }
    if (b->n == 0)
        return V_FALSE;
    for (size_t i = 0; i < b->n; i++)
        if (!byte_class(b->data[i], kind))
            return V_FALSE;
    return V_TRUE;
}

static Value m_isdigit(Value *a, int n, TupleObj *k) { return do_pred(a, n, k, 0, "isdigit"); }
static Value m_isalpha(Value *a, int n, TupleObj *k) { return do_pred(a, n, k, 1, "isalpha"); }
static Value m_isalnum(Value *a, int n, TupleObj *k) { return do_pred(a, n, k, 2, "isalnum"); }
static Value m_isspace(Value *a, int n, TupleObj *k) { return do_pred(a, n, k, 3, "isspace"); }
static Value m_isupper(Value *a, int n, TupleObj *k) { return do_pred(a, n, k, 4, "isupper"); }
static Value m_islower(Value *a, int n, TupleObj *k) { return do_pred(a, n, k, 5, "islower"); }

static Value do_partition(Value *args, int nargs, TupleObj *kw, int right,
                          const char *fname)
{
    BytesObj *b = BYTES(args[0]), *sep;
    if (args_no_kw(fname, kw) < 0 || args_count(fname, nargs - 1, 1, 1) < 0 ||
        want_bytes(fname, args[1], &sep) < 0)
        return V_NULL;
    if (sep->n == 0)
        return err_set(&exc_ValueError, "empty separator");
    const uint8_t *q = NULL;
    if (!right) {
        q = memmem(b->data, b->n, sep->data, sep->n);
    } else if (b->n >= sep->n) {
        for (size_t i = b->n - sep->n + 1; i-- > 0;)
            if (memcmp(b->data + i, sep->data, sep->n) == 0) {
                q = b->data + i;
                break;
            }
    }
    Value e = V_OBJ(bytes_new("", 0));
    if (!q)
        return right ? V_OBJ(tuple_pack(3, e, e, args[0]))
                     : V_OBJ(tuple_pack(3, args[0], e, e));
    size_t at = (size_t)(q - b->data);
    Value l = V_OBJ(bytes_new(b->data, at));
    Value r = V_OBJ(bytes_new(b->data + at + sep->n, b->n - at - sep->n));
    return V_OBJ(tuple_pack(3, l, args[1], r));
}

static Value m_partition(Value *a, int n, TupleObj *k) { return do_partition(a, n, k, 0, "partition"); }
static Value m_rpartition(Value *a, int n, TupleObj *k) { return do_partition(a, n, k, 1, "rpartition"); }

static const MethodDef bytes_methods[] = {
    {"decode", m_decode, NATIVE_METHOD},
    {"hex", m_hex, NATIVE_METHOD},
    {"fromhex", m_fromhex, NATIVE_CLASSMETHOD},
    {"split", m_split, NATIVE_METHOD},
    {"join", m_join, NATIVE_METHOD},
    {"strip", m_strip, NATIVE_METHOD},
    {"lstrip", m_lstrip, NATIVE_METHOD},
    {"rstrip", m_rstrip, NATIVE_METHOD},
    {"find", m_find, NATIVE_METHOD},
    {"rfind", m_rfind, NATIVE_METHOD},
    {"index", m_index, NATIVE_METHOD},
    {"rindex", m_rindex, NATIVE_METHOD},
    {"count", m_count, NATIVE_METHOD},
    {"startswith", m_startswith, NATIVE_METHOD},
    {"endswith", m_endswith, NATIVE_METHOD},
    {"replace", m_replace, NATIVE_METHOD},
    {"upper", m_upper, NATIVE_METHOD},
    {"lower", m_lower, NATIVE_METHOD},
    {"isdigit", m_isdigit, NATIVE_METHOD},
    {"isalpha", m_isalpha, NATIVE_METHOD},
    {"isalnum", m_isalnum, NATIVE_METHOD},
    {"isspace", m_isspace, NATIVE_METHOD},
    {"isupper", m_isupper, NATIVE_METHOD},
    {"islower", m_islower, NATIVE_METHOD},
    {"partition", m_partition, NATIVE_METHOD},
    {"rpartition", m_rpartition, NATIVE_METHOD},
    {NULL, NULL, 0},
};

TypeObj bytes_type = {
    .base_hdr = {.hdr = {.type = &type_type}},
    .name = "bytes",
    .base = &object_type,
    .instance_size = sizeof(BytesObj),
    .repr = bytes_repr,
    .hash = bytes_hash,
    .richcmp = bytes_richcmp,
    .binop = bytes_binop,
    .rbinop = bytes_rbinop,
    .iter = bytes_iter,
    .getitem = bytes_getitem,
    .len = bytes_len,
    .contains = bytes_contains,
    .truth = bytes_truth,
    .new_ = bytes_new_slot,
};

void bytes_init(void)
{
    gc_register_roots(bytes_mark_roots);
    bytes_new("", 0);
    bytes_iter_type.name_str = str_intern_cstr(bytes_iter_type.name);
    type_register_static(&bytes_iter_type);
    type_add_methods(&bytes_type, bytes_methods);
}
