/* str.c - the str type: creation, interning, hashing, comparison, the
 * sequence protocol by code point, repr, and the str() constructor.
 *
 * Strings are UTF-8 with the code point count kept beside the byte count.
 * When the two are equal (`ascii`), indexing is plain byte indexing; other
 * strings walk from the start, which UTF-8's self-synchronising encoding
 * makes simple.  The methods live in strmethods.c and formatting in
 * format.c.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memmem */
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

/* ------------------------------------------------------------------ */
/* UTF-8 helpers                                                        */

int str_utf8_decode(const char *p, uint32_t *cp)
{
    const uint8_t *s = (const uint8_t *)p;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    if (s[0] < 0xE0) {
        *cp = ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
        return 2;
    }
    if (s[0] < 0xF0) {
        *cp = ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) |
              (s[2] & 0x3F);
        return 3;
    }
    *cp = ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
          ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    return 4;
}

int str_utf8_encode(uint32_t cp, char *out)
{
    uint8_t *o = (uint8_t *)out;
    if (cp < 0x80) {
        o[0] = (uint8_t)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (uint8_t)(0xC0 | (cp >> 6));
        o[1] = (uint8_t)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (uint8_t)(0xE0 | (cp >> 12));
        o[1] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (uint8_t)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (uint8_t)(0xF0 | (cp >> 18));
    o[1] = (uint8_t)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (uint8_t)(0x80 | (cp & 0x3F));
    return 4;
}

/* Checks one UTF-8 sequence at s (n bytes left).  Returns its length when
 * valid; otherwise returns 0 and sets *badlen to the bytes CPython's
 * decoder reports as the bad range and *why to its reason. */
static int utf8_check_one(const uint8_t *s, size_t n, size_t *badlen,
                          const char **why)
{
    int len;
    uint8_t lo = 0x80, hi = 0xBF;
    if (s[0] < 0x80)
        return 1;
    if (s[0] < 0xC2 || s[0] > 0xF4) {
        *badlen = 1;
        *why = "invalid start byte";
        return 0;
    }
    len = s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : 4;
    if (s[0] == 0xE0)
        lo = 0xA0;
    else if (s[0] == 0xED)
        hi = 0x9F; /* no surrogates */
    else if (s[0] == 0xF0)
        lo = 0x90;
    else if (s[0] == 0xF4)
        hi = 0x8F;
    for (int k = 1; k < len; k++) {
        if ((size_t)k >= n) {
            *badlen = n;
            *why = "unexpected end of data";
            return 0;
        }
        uint8_t c = s[k];
        if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF)) {
            *badlen = (size_t)k;
            *why = "invalid continuation byte";
            return 0;
        }
    }
    return len;
}

size_t str_utf8_valid_prefix(const uint8_t *data, size_t n)
{
    size_t i = 0, bad;
    const char *why;
    while (i < n) {
        int l = utf8_check_one(data + i, n - i, &bad, &why);
        if (l == 0)
            break;
        i += (size_t)l;
    }
    return i;
}

/* ------------------------------------------------------------------ */
/* Allocation                                                           */

/* The block ends right after the text's NUL: sizeof(StrObj) would add the
 * struct's tail padding, a size class more for most short strings. */
#define STR_BLOCK(nbytes) (offsetof(StrObj, data) + (nbytes) + 1)

static inline void str_init_fields(StrObj *s, size_t nbytes)
{
    s->hash = -1;
    s->nbytes = nbytes;
    s->nchars = 0;
    s->ascii = 0;
    s->interned = 0;
    s->data[nbytes] = '\0';
}

StrObj *str_alloc(size_t nbytes)
{
    StrObj *s = str_alloc_or_null(nbytes);
    if (!s) {
        fputs("sigvm: out of memory\n", stderr);
        abort();
    }
    return s;
}

/* Strings skip the zeroing of gc_alloc: every byte of the text is written
 * by the caller. */
StrObj *str_alloc_or_null(size_t nbytes)
{
    if (nbytes > ((size_t)1 << 40))
        return (StrObj *)(err_no_memory(), NULL);
    StrObj *s = gc_alloc_uninit(&str_type, STR_BLOCK(nbytes));
    if (!s)
        return NULL;
    str_init_fields(s, nbytes);
    return s;
}

StrObj *str_new_ascii(const char *text, size_t nbytes)
{
    if (nbytes <= 1)
        return nbytes ? str_ascii_char((uint8_t)text[0]) : str_empty();
    StrObj *s = str_alloc(nbytes);
    str_copy_text(s->data, text, nbytes);
    s->nchars = nbytes;
    s->ascii = 1;
    return s;
}

/* Counting code points is counting the bytes that do not continue one. */
/* UTF-8 continuation bytes (10xxxxxx) among the n bytes at p.  Eight
 * bytes at a time: most text is ASCII, and a word without a high bit
 * needs no counting; in a word with some, shifting left by one puts each
 * byte's bit 6 under its bit 7, so w & ~(w << 1) keeps bit 7 exactly in
 * the continuation bytes. */
static size_t count_continuations(const uint8_t *p, size_t n)
{
    const uint64_t high = 0x8080808080808080u;
    size_t cont = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if (w & high)
            cont += (size_t)__builtin_popcountll(w & ~(w << 1) & high);
    }
    for (; i < n; i++)
        cont += (p[i] & 0xC0) == 0x80;
    return cont;
}

void str_finish(StrObj *s)
{
    size_t cont = count_continuations((const uint8_t *)s->data, s->nbytes);
    s->nchars = s->nbytes - cont;
    /* In valid UTF-8 every lead byte above 0x7F has continuations. */
    s->ascii = cont == 0;
}

static StrObj *empty_str;
static StrObj *char_cache[128];

StrObj *str_empty(void)
{
    if (!empty_str) {
        empty_str = str_alloc(0);
        str_finish(empty_str);
    }
    return empty_str;
}

StrObj *str_ascii_char(uint8_t c)
{
    if (!char_cache[c]) {
        StrObj *s = str_alloc(1);
        s->data[0] = (char)c;
        s->nchars = 1;
        s->ascii = 1;
        char_cache[c] = s;
    }
    return char_cache[c];
}

StrObj *str_new(const char *utf8, size_t nbytes)
{
    if (nbytes == 0)
        return str_empty();
    if (nbytes == 1 && (uint8_t)utf8[0] < 0x80)
        return str_ascii_char((uint8_t)utf8[0]);
    StrObj *s = str_alloc(nbytes);
    memcpy(s->data, utf8, nbytes);
    str_finish(s);
    return s;
}

StrObj *str_from_cstr(const char *s)
{
    return str_new(s, strlen(s));
}

StrObj *str_printf(const char *fmt, ...)
{
    va_list ap;
    char tmp[256];
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    if ((size_t)n < sizeof tmp)
        return str_new(tmp, (size_t)n);
    char *big = malloc((size_t)n + 1);
    if (!big)
        abort();
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    StrObj *s = str_new(big, (size_t)n);
    free(big);
    return s;
}

Value str_from_codepoint(int64_t cp)
{
    char buf[4];
    if (cp < 0 || cp > 0x10FFFF)
        return err_set(&exc_ValueError, "chr() arg not in range(0x110000)");
    if (cp < 0x80)
        return V_OBJ(str_ascii_char((uint8_t)cp));
    int n = str_utf8_encode((uint32_t)cp, buf);
    return V_OBJ(str_new(buf, (size_t)n));
}

int64_t str_ord(StrObj *s)
{
    uint32_t cp;
    if (s->nchars != 1) {
        err_set(&exc_TypeError,
                "ord() expected a character, but string of length %zu found",
                s->nchars);
        return -1;
    }
    str_utf8_decode(s->data, &cp);
    return cp;
}

/* ------------------------------------------------------------------ */
/* StrBuf                                                               */

void str_buf_init(StrBuf *b)
{
    b->p = b->small;
    b->n = 0;
    b->cap = sizeof b->small;
}

static void buf_grow(StrBuf *b, size_t extra)
{
    size_t need = b->n + extra + 1;
    if (need <= b->cap)
        return;
    size_t cap = b->cap * 2;
    while (cap < need)
        cap *= 2;
    char *p = b->p == b->small ? malloc(cap) : realloc(b->p, cap);
    if (!p)
        abort();
    if (b->p == b->small)
        memcpy(p, b->small, b->n);
    b->p = p;
    b->cap = cap;
}

void str_buf_put(StrBuf *b, const char *s, size_t n)
{
    buf_grow(b, n);
    memcpy(b->p + b->n, s, n);
    b->n += n;
}

void str_buf_puts(StrBuf *b, const char *s)
{
    str_buf_put(b, s, strlen(s));
}

void str_buf_putc(StrBuf *b, char c)
{
    buf_grow(b, 1);
    b->p[b->n++] = c;
}

void str_buf_putcp(StrBuf *b, uint32_t cp)
{
    buf_grow(b, 4);
    b->n += (size_t)str_utf8_encode(cp, b->p + b->n);
}

void str_buf_fill(StrBuf *b, uint32_t cp, size_t count)
{
    char enc[4];
    int l = str_utf8_encode(cp, enc);
    buf_grow(b, count * (size_t)l);
    for (size_t i = 0; i < count; i++) {
        memcpy(b->p + b->n, enc, (size_t)l);
        b->n += (size_t)l;
    }
}

void str_buf_printf(StrBuf *b, const char *fmt, ...)
{
    va_list ap;
    char tmp[128];
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n <= 0)
        return;
    if ((size_t)n < sizeof tmp) {
        str_buf_put(b, tmp, (size_t)n);
        return;
    }
    buf_grow(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)n;
}

StrObj *str_buf_finish(StrBuf *b)
{
    StrObj *s = str_new(b->p, b->n);
    str_buf_free(b);
    return s;
}

void str_buf_free(StrBuf *b)
{
    if (b->p != b->small)
        free(b->p);
    str_buf_init(b);
}

/* ------------------------------------------------------------------ */
/* Hashing, equality and interning                                      */

/* A word at a time, each mixed in by a multiply and a shift, then a final
 * avalanche: str hashes are not visible across runs (CPython randomises
 * them too), so any well-mixed hash will do, and most keys are one or two
 * words long, where a byte-at-a-time hash spent most of a dict lookup. */
static inline uint64_t hash_mix(uint64_t h, uint64_t w)
{
    h = (h ^ w) * 0x9fb21c651e98df25ull;
    return h ^ (h >> 29);
}

static int64_t hash_bytes(const char *data, size_t n)
{
    const char *p = data;
    uint64_t h = 0x243f6a8885a308d3ull ^ n, w;
    for (; n >= 8; p += 8, n -= 8) {
        memcpy(&w, p, 8);
        h = hash_mix(h, w);
    }
    if (n >= 4) {
        uint32_t lo, hi;
        memcpy(&lo, p, 4);
        memcpy(&hi, p + n - 4, 4);
        h = hash_mix(h, (uint64_t)lo | (uint64_t)hi << 32);
    } else if (n > 0) {
        w = (uint64_t)(uint8_t)p[0] | (uint64_t)(uint8_t)p[n / 2] << 8 |
            (uint64_t)(uint8_t)p[n - 1] << 16;
        h = hash_mix(h, w);
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    int64_t r = (int64_t)h;
    return r == -1 ? -2 : r;
}

int64_t str_hash(StrObj *s)
{
    if (s->hash == -1)
        s->hash = hash_bytes(s->data, s->nbytes);
    return s->hash;
}

int str_eq(StrObj *a, StrObj *b)
{
    if (a == b)
        return 1;
    if (a->nbytes != b->nbytes || (a->interned && b->interned))
        return 0;
    if (a->hash != -1 && b->hash != -1 && a->hash != b->hash)
        return 0;
    return memcmp(a->data, b->data, a->nbytes) == 0;
}

static StrObj **itab;
static size_t icap, icount;

static void intern_insert(StrObj *s)
{
    size_t mask = icap - 1, i = (size_t)str_hash(s) & mask;
    while (itab[i])
        i = (i + 1) & mask;
    itab[i] = s;
}

static void intern_grow(void)
{
    StrObj **old = itab;
    size_t oldcap = icap;
    icap = icap ? icap * 2 : 1024;
    itab = calloc(icap, sizeof *itab);
    if (!itab)
        abort();
    for (size_t i = 0; i < oldcap; i++)
        if (old[i])
            intern_insert(old[i]);
    free(old);
}

/* Interned strings live forever: they are names, few and small, and the
 * root function below keeps them (and the singletons) marked. */
StrObj *str_intern(StrObj *s)
{
    if (s->interned)
        return s;
    if ((icount + 1) * 2 > icap)
        intern_grow();
    size_t mask = icap - 1, i = (size_t)str_hash(s) & mask;
    for (; itab[i]; i = (i + 1) & mask) {
        StrObj *t = itab[i];
        if (t->hash == s->hash && t->nbytes == s->nbytes &&
            memcmp(t->data, s->data, s->nbytes) == 0)
            return t;
    }
    s->interned = 1;
    itab[i] = s;
    icount++;
    return s;
}

/* Looks up before allocating: C code interns the same names often, so a
 * hit must not cost an allocation. */
StrObj *str_intern_cstr(const char *s)
{
    size_t n = strlen(s);
    if (icap) {
        int64_t h = hash_bytes(s, n);
        size_t mask = icap - 1, i = (size_t)h & mask;
        for (; itab[i]; i = (i + 1) & mask) {
            StrObj *t = itab[i];
            if (t->hash == h && t->nbytes == n && memcmp(t->data, s, n) == 0)
                return t;
        }
    }
    return str_intern(str_new(s, n));
}

static void str_mark_roots(void)
{
    for (size_t i = 0; i < icap; i++)
        if (itab[i])
            gc_mark_obj(&itab[i]->hdr);
    gc_mark_obj((Obj *)empty_str);
    for (int c = 0; c < 128; c++)
        gc_mark_obj((Obj *)char_cache[c]);
}

/* ------------------------------------------------------------------ */
/* Concatenation and repetition                                         */

Value str_concat(StrObj *a, StrObj *b)
{
    if (a->nbytes == 0)
        return V_OBJ(b);
    if (b->nbytes == 0)
        return V_OBJ(a);
    StrObj *s = str_alloc_or_null(a->nbytes + b->nbytes);
    if (!s)
        return V_NULL;
    str_copy_text(s->data, a->data, a->nbytes);
    str_copy_text(s->data + a->nbytes, b->data, b->nbytes);
    s->nchars = a->nchars + b->nchars;
    s->ascii = a->ascii && b->ascii;
    return V_OBJ(s);
}

Value str_join_values(Value *parts, int n)
{
    size_t total = 0, nchars = 0;
    int ascii = 1;
    for (int i = 0; i < n; i++) {
        StrObj *p = (StrObj *)AS_OBJ(parts[i]);
        total += p->nbytes;
        nchars += p->nchars;
        ascii &= p->ascii;
    }
    if (n == 1)
        return parts[0];
    StrObj *s = str_alloc_or_null(total);
    if (!s)
        return V_NULL;
    char *o = s->data;
    for (int i = 0; i < n; i++) {
        StrObj *p = (StrObj *)AS_OBJ(parts[i]);
        memcpy(o, p->data, p->nbytes);
        o += p->nbytes;
    }
    s->nchars = nchars;
    s->ascii = (uint8_t)ascii;
    if (total == 0)
        return V_OBJ(str_empty());
    return V_OBJ(s);
}

static Value str_repeat(StrObj *a, int64_t n)
{
    if (n <= 0 || a->nbytes == 0)
        return V_OBJ(str_empty());
    if (n == 1)
        return V_OBJ(a);
    if ((uint64_t)n > ((uint64_t)1 << 40) / a->nbytes)
        return err_no_memory();
    StrObj *s = str_alloc_or_null(a->nbytes * (size_t)n);
    if (!s)
        return V_NULL;
    for (int64_t i = 0; i < n; i++)
        memcpy(s->data + (size_t)i * a->nbytes, a->data, a->nbytes);
    s->nchars = a->nchars * (size_t)n;
    s->ascii = a->ascii;
    return V_OBJ(s);
}

/* A heap type may define the reflected dunder; only then does `+`/`*`
 * give it a chance instead of raising str's own message. */
static int has_reflected(Value b, const char *name)
{
    TypeObj *t = val_type(b);
    if (!(t->flags & TF_HEAPTYPE))
        return 0;
    return !IS_NULL(type_lookup(t, str_intern_cstr(name)));
}

static Value str_binop(Value a, Value b, int op)
{
    if (op >= BOP_INPLACE)
        op -= BOP_INPLACE;
    if (!IS_TYPE(a, str_type))
        return V_NOTIMPL;
    StrObj *s = (StrObj *)AS_OBJ(a);
    switch (op) {
    case BOP_ADD:
        if (IS_TYPE(b, str_type))
            return str_concat(s, (StrObj *)AS_OBJ(b));
        if (has_reflected(b, "__radd__"))
            return V_NOTIMPL;
        return err_set(&exc_TypeError,
                       "can only concatenate str (not \"%s\") to str",
                       val_type_name(b));
    case BOP_MUL:
        if (IS_INTLIKE(b))
            return str_repeat(s, AS_INT(b));
        if (has_reflected(b, "__rmul__"))
            return V_NOTIMPL;
        int64_t k;
        if (val_as_int(b, &k))
            return str_repeat(s, k);
        if (IS_OBJ(b) && (val_type(b)->flags & TF_HEAPTYPE) == 0) {
            int64_t n;
            if (!IS_NULL(type_lookup(val_type(b),
                                     str_intern_cstr("__index__"))) &&
                num_as_index(b, &n) == 0)
                return str_repeat(s, n);
        }
        return err_set(&exc_TypeError,
                       "can't multiply sequence by non-int of type '%s'",
                       val_type_name(b));
    case BOP_MOD:
        return str_percent_format(s, b);
    default:
        return V_NOTIMPL;
    }
}

static Value str_rbinop(Value self, Value other, int op)
{
    if (op >= BOP_INPLACE)
        op -= BOP_INPLACE;
    int64_t k;
    if (op == BOP_MUL && val_as_int(other, &k))
        return str_repeat((StrObj *)AS_OBJ(self), k);
    return V_NOTIMPL;
}

/* ------------------------------------------------------------------ */
/* Comparison, hashing slots                                            */

static int str_cmp(StrObj *a, StrObj *b)
{
    size_t n = a->nbytes < b->nbytes ? a->nbytes : b->nbytes;
    int c = memcmp(a->data, b->data, n);
    if (c)
        return c;
    return (a->nbytes > b->nbytes) - (a->nbytes < b->nbytes);
}

static Value str_richcmp(Value a, Value b, int op)
{
    if (!IS_TYPE(a, str_type) || !IS_TYPE(b, str_type))
        return V_NOTIMPL;
    StrObj *x = (StrObj *)AS_OBJ(a), *y = (StrObj *)AS_OBJ(b);
    if (op == CMP_EQ)
        return V_BOOL(str_eq(x, y));
    if (op == CMP_NE)
        return V_BOOL(!str_eq(x, y));
    /* UTF-8 byte order is code point order, so memcmp orders correctly. */
    int c = str_cmp(x, y);
    switch (op) {
    case CMP_LT: return V_BOOL(c < 0);
    case CMP_LE: return V_BOOL(c <= 0);
    case CMP_GT: return V_BOOL(c > 0);
    default: return V_BOOL(c >= 0);
    }
}

static int str_hash_slot(Value self, int64_t *out)
{
    *out = str_hash((StrObj *)AS_OBJ(self));
    return 0;
}

/* ------------------------------------------------------------------ */
/* Sequence protocol                                                    */

/* Byte offset k code points after byte offset off. */
static size_t advance(StrObj *s, size_t off, size_t k)
{
    if (s->ascii)
        return off + k;
    const uint8_t *p = (const uint8_t *)s->data;
    while (k > 0 && off < s->nbytes) {
        off++;
        while (off < s->nbytes && (p[off] & 0xC0) == 0x80)
            off++;
        k--;
    }
    return off;
}

size_t str_offset_of(StrObj *s, size_t i)
{
    return advance(s, 0, i);
}

static Value char_at_offset(StrObj *s, size_t off)
{
    uint32_t cp;
    int l = str_utf8_decode(s->data + off, &cp);
    if (l == 1)
        return V_OBJ(str_ascii_char((uint8_t)cp));
    return V_OBJ(str_new(s->data + off, (size_t)l));
}

static Value str_slice(StrObj *s, SliceObj *sl)
{
    int64_t start, stop, step, n;
    if (slice_indices(sl, (int64_t)s->nchars, &start, &stop, &step, &n) < 0)
        return V_NULL;
    if (n <= 0)
        return V_OBJ(str_empty());
    if (step == 1) {
        size_t a = str_offset_of(s, (size_t)start);
        size_t b = advance(s, a, (size_t)(stop - start));
        if (a == 0 && b == s->nbytes)
            return V_OBJ(s);
        if (s->ascii)
            return V_OBJ(str_new_ascii(s->data + a, b - a));
        return V_OBJ(str_new(s->data + a, b - a));
    }
    if (s->ascii && n == 1)
        return V_OBJ(str_ascii_char((uint8_t)s->data[start]));
    if (s->ascii) {
        StrObj *r = str_alloc_or_null((size_t)n);
        if (!r)
            return V_NULL;
        for (int64_t k = 0, i = start; k < n; k++, i += step)
            r->data[k] = s->data[i];
        r->nchars = (size_t)n;
        r->ascii = 1;
        return V_OBJ(r);
    }
    StrBuf b;
    str_buf_init(&b);
    /* Other strides over non-ASCII text: index every code point once. */
    size_t *offs = malloc((s->nchars + 1) * sizeof *offs);
    if (!offs)
        abort();
    for (size_t i = 0, off = 0; i <= s->nchars; i++, off = advance(s, off, 1))
        offs[i] = off;
    for (int64_t k = 0, i = start; k < n; k++, i += step)
        str_buf_put(&b, s->data + offs[i], offs[i + 1] - offs[i]);
    free(offs);
    return V_OBJ(str_buf_finish(&b));
}

static Value str_getitem(Value self, Value key)
{
    StrObj *s = (StrObj *)AS_OBJ(self);
    int64_t i;
    if (IS_INTLIKE(key)) {
        i = AS_INT(key);
    } else if (IS_TYPE(key, slice_type)) {
        return str_slice(s, (SliceObj *)AS_OBJ(key));
    } else if (IS_OBJ(key) &&
               !IS_NULL(type_lookup(val_type(key),
                                    str_intern_cstr("__index__")))) {
        if (num_as_index(key, &i) < 0)
            return V_NULL;
    } else {
        return err_set(&exc_TypeError,
                       "string indices must be integers, not '%s'",
                       val_type_name(key));
    }
    if (i < 0)
        i += (int64_t)s->nchars;
    if (i < 0 || i >= (int64_t)s->nchars)
        return err_set(&exc_IndexError, "string index out of range");
    if (s->ascii)
        return V_OBJ(str_ascii_char((uint8_t)s->data[i]));
    return char_at_offset(s, str_offset_of(s, (size_t)i));
}

static int64_t str_len(Value self)
{
    return (int64_t)((StrObj *)AS_OBJ(self))->nchars;
}

static int str_truth(Value self)
{
    return ((StrObj *)AS_OBJ(self))->nbytes != 0;
}

static int str_contains(Value self, Value item)
{
    if (!IS_TYPE(item, str_type)) {
        err_set(&exc_TypeError,
                "'in <string>' requires string as left operand, not %s",
                val_type_name(item));
        return -1;
    }
    StrObj *s = (StrObj *)AS_OBJ(self), *t = (StrObj *)AS_OBJ(item);
    if (t->nbytes == 0)
        return 1;
    if (t->nbytes > s->nbytes)
        return 0;
    return memmem(s->data, s->nbytes, t->data, t->nbytes) != NULL;
}

/* The iterator remembers a byte offset, so iterating non-ASCII text is
 * linear, not quadratic. */
typedef struct StrIterObj {
    Obj hdr;
    StrObj *s;
    size_t off;
} StrIterObj;

static void str_iter_trace(Obj *o)
{
    gc_mark_obj((Obj *)((StrIterObj *)o)->s);
}

static Value str_iter_self(Value self)
{
    return self;
}

static Value str_iter_next(Value self)
{
    StrIterObj *it = (StrIterObj *)AS_OBJ(self);
    if (!it->s || it->off >= it->s->nbytes) {
        it->s = NULL;
        return V_NULL;
    }
    uint32_t cp;
    int l = str_utf8_decode(it->s->data + it->off, &cp);
    Value r = l == 1 ? V_OBJ(str_ascii_char((uint8_t)cp))
                     : V_OBJ(str_new(it->s->data + it->off, (size_t)l));
    it->off += (size_t)l;
    return r;
}

static TypeObj str_iter_type = {
    .base_hdr = {.hdr = {.type = &type_type}},
    .name = "str_iterator",
    .base = &object_type,
    .instance_size = sizeof(StrIterObj),
    .trace = str_iter_trace,
    .iter = str_iter_self,
    .next = str_iter_next,
};

static Value str_iter(Value self)
{
    StrIterObj *it = gc_alloc(&str_iter_type, sizeof(StrIterObj));
    it->s = (StrObj *)AS_OBJ(self);
    it->off = 0;
    return V_OBJ(it);
}

/* ------------------------------------------------------------------ */
/* repr                                                                 */

static void repr_escape(StrBuf *b, uint32_t cp, char quote, int ascii_only)
{
    switch (cp) {
    case '\\': str_buf_put(b, "\\\\", 2); return;
    case '\n': str_buf_put(b, "\\n", 2); return;
    case '\r': str_buf_put(b, "\\r", 2); return;
    case '\t': str_buf_put(b, "\\t", 2); return;
    default: break;
    }
    if (cp == (uint32_t)quote) {
        str_buf_putc(b, '\\');
        str_buf_putc(b, quote);
    } else if (cp >= 0x20 && cp < 0x7F) {
        str_buf_putc(b, (char)cp);
    } else if (cp < 0x80 || (cp >= 0x80 && !ascii_only && str_cp_isprintable(cp))) {
        if (cp < 0x80)
            str_buf_printf(b, "\\x%02x", cp);
        else
            str_buf_putcp(b, cp);
    } else if (cp <= 0xFF) {
        str_buf_printf(b, "\\x%02x", cp);
    } else if (cp <= 0xFFFF) {
        str_buf_printf(b, "\\u%04x", cp);
    } else {
        str_buf_printf(b, "\\U%08x", cp);
    }
}

static void repr_into(StrBuf *b, StrObj *s, int ascii_only)
{
    /* Single quotes unless the text has a ' and no ", as CPython. */
    char quote = '\'';
    if (memchr(s->data, '\'', s->nbytes) && !memchr(s->data, '"', s->nbytes))
        quote = '"';
    str_buf_putc(b, quote);
    for (size_t off = 0; off < s->nbytes;) {
        uint32_t cp;
        off += (size_t)str_utf8_decode(s->data + off, &cp);
        repr_escape(b, cp, quote, ascii_only);
    }
    str_buf_putc(b, quote);
}

StrObj *str_repr(StrObj *s)
{
    StrBuf b;
    str_buf_init(&b);
    repr_into(&b, s, 0);
    return str_buf_finish(&b);
}

static Value str_repr_slot(Value self)
{
    return V_OBJ(str_repr((StrObj *)AS_OBJ(self)));
}

static Value str_str_slot(Value self)
{
    return self;
}

Value str_ascii(Value v)
{
    Value r = obj_repr(v);
    if (IS_NULL(r))
        return r;
    StrObj *s = (StrObj *)AS_OBJ(r);
    if (s->ascii)
        return r;
    StrBuf b;
    str_buf_init(&b);
    for (size_t off = 0; off < s->nbytes;) {
        uint32_t cp;
        off += (size_t)str_utf8_decode(s->data + off, &cp);
        if (cp < 0x80)
            str_buf_putc(&b, (char)cp);
        else
            repr_escape(&b, cp, 0, 1);
    }
    return V_OBJ(str_buf_finish(&b));
}

/* ------------------------------------------------------------------ */
/* Decoding and the constructor                                         */

/* Canonical codec name, or NULL when unknown. */
static const char *codec_name(const char *enc)
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

static Value decode_error(const char *codec, const uint8_t *data, size_t pos,
                          size_t len, const char *why)
{
    if (len <= 1)
        return err_set(&exc_UnicodeDecodeError,
                       "'%s' codec can't decode byte 0x%02x in position %zu: %s",
                       codec, data[pos], pos, why);
    return err_set(&exc_UnicodeDecodeError,
                   "'%s' codec can't decode bytes in position %zu-%zu: %s",
                   codec, pos, pos + len - 1, why);
}

/* errors: 0 strict, 1 ignore, 2 replace. */
static int error_mode(const char *errors)
{
    if (!errors || !strcmp(errors, "strict"))
        return 0;
    if (!strcmp(errors, "ignore"))
        return 1;
    if (!strcmp(errors, "replace"))
        return 2;
    err_set(&exc_LookupError, "unknown error handler name '%s'", errors);
    return -1;
}

static Value decode_utf8(const uint8_t *data, size_t n, int mode)
{
    if (str_utf8_valid_prefix(data, n) == n)
        return V_OBJ(str_new((const char *)data, n));
    StrBuf b;
    str_buf_init(&b);
    for (size_t i = 0; i < n;) {
        size_t bad;
        const char *why;
        int l = utf8_check_one(data + i, n - i, &bad, &why);
        if (l) {
            str_buf_put(&b, (const char *)data + i, (size_t)l);
            i += (size_t)l;
            continue;
        }
        if (mode == 0) {
            str_buf_free(&b);
            return decode_error("utf-8", data, i, bad, why);
        }
        if (mode == 2)
            str_buf_putcp(&b, 0xFFFD);
        i += bad;
    }
    return V_OBJ(str_buf_finish(&b));
}

static Value decode_8bit(const uint8_t *data, size_t n, int mode, int ascii)
{
    StrBuf b;
    str_buf_init(&b);
    for (size_t i = 0; i < n; i++) {
        if (ascii && data[i] >= 0x80) {
            if (mode == 0) {
                str_buf_free(&b);
                return decode_error("ascii", data, i, 1,
                                    "ordinal not in range(128)");
            }
            if (mode == 2)
                str_buf_putcp(&b, 0xFFFD);
            continue;
        }
        str_buf_putcp(&b, data[i]);
    }
    return V_OBJ(str_buf_finish(&b));
}

Value str_decode(const uint8_t *data, size_t n, const char *encoding,
                 const char *errors)
{
    const char *codec = codec_name(encoding ? encoding : "utf-8");
    if (!codec)
        return err_set(&exc_LookupError, "unknown encoding: %s", encoding);
    int mode = error_mode(errors);
    if (mode < 0)
        return V_NULL;
    if (codec[0] == 'u')
        return decode_utf8(data, n, mode);
    return decode_8bit(data, n, mode, codec[0] == 'a');
}

static Value str_new_slot(Value type, Value *args, int nargs,
                          TupleObj *kwnames)
{
    static const char *const names[] = {"object", "encoding", "errors"};
    Value a[3];
    (void)type;
    if (nargs == 1 && (!kwnames || kwnames->n == 0)) {
        /* str(int) is the common conversion: skip the slot lookups. */
        if (IS_INT(args[0]))
            return V_OBJ(num_int_repr(AS_INT(args[0])));
        return obj_str(args[0]);
    }
    if (args_bind("str", args, nargs, kwnames, names, 3, 3, 0, a) < 0)
        return V_NULL;
    if (IS_NULL(a[0]))
        return V_OBJ(str_empty());
    if (IS_NULL(a[1]) && IS_NULL(a[2]))
        return obj_str(a[0]);
    StrObj *enc = NULL, *errs = NULL;
    if (!IS_NULL(a[1]) && args_str("str", 2, a[1], &enc) < 0)
        return V_NULL;
    if (!IS_NULL(a[2]) && args_str("str", 3, a[2], &errs) < 0)
        return V_NULL;
    if (IS_TYPE(a[0], str_type))
        return err_set(&exc_TypeError, "decoding str is not supported");
    if (!IS_TYPE(a[0], bytes_type))
        return err_set(&exc_TypeError,
                       "decoding to str: need a bytes-like object, %s found",
                       val_type_name(a[0]));
    BytesObj *bo = (BytesObj *)AS_OBJ(a[0]);
    return str_decode(bo->data, bo->n, enc ? STR_CSTR(enc) : NULL,
                      errs ? STR_CSTR(errs) : NULL);
}

const char *val_type_name(Value v)
{
    return val_type(v)->name;
}

/* ------------------------------------------------------------------ */
/* The type                                                             */

TypeObj str_type = {
    .base_hdr = {.hdr = {.type = &type_type}},
    .name = "str",
    .base = &object_type,
    .instance_size = sizeof(StrObj),
    .repr = str_repr_slot,
    .str = str_str_slot,
    .hash = str_hash_slot,
    .richcmp = str_richcmp,
    .binop = str_binop,
    .rbinop = str_rbinop,
    .iter = str_iter,
    .getitem = str_getitem,
    .len = str_len,
    .contains = str_contains,
    .truth = str_truth,
    .new_ = str_new_slot,
};

void str_init(void)
{
    gc_register_roots(str_mark_roots);
    str_empty();
    for (int c = 0; c < 128; c++)
        str_ascii_char((uint8_t)c);
    str_iter_type.name_str = str_intern_cstr(str_iter_type.name);
    type_register_static(&str_iter_type);
    str_methods_init();
}
