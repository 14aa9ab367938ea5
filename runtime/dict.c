/* dict.c - insertion-ordered hash tables, their views and iterators.
 *
 * The compact layout of CPython 3.6+: `entries` holds (hash, key, value)
 * in insertion order, and `index` is an open-addressing table of int32
 * positions into entries (-1: empty).  A deleted entry keeps its place
 * with key V_NULL, so the index slots that point at it act as tombstones;
 * both arrays are rebuilt, without the dead entries, when entries fill up.
 * The index is a power of two and never more than two thirds full, so a
 * probe always ends at an empty slot.
 *
 * Comparing keys may run a script's __eq__, which may mutate the dict:
 * after such a call the lookup checks that the table is the one it was
 * probing and starts over if not, as CPython does.
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/runtime.h"
#include "runtime/iter.h"

#define MIN_INDEX 8
#define PERTURB_SHIFT 5

enum { FOUND_ERROR = -2, NOT_FOUND = -1 };
enum { KIND_KEYS, KIND_VALUES, KIND_ITEMS };

typedef struct DictIterObj {
    Obj hdr;
    DictObj *d;   /* NULL once exhausted */
    size_t pos;   /* next entry to look at (reverse: one past it) */
    size_t used;  /* d->used when created, to detect resizing */
    int kind;     /* KIND_* */
    int reverse;
} DictIterObj;

typedef struct DictViewObj {
    Obj hdr;
    DictObj *d;
} DictViewObj;

static TypeObj dict_iter_type;

/* dict.h says why there is one counter; only the GIL holder touches it. */
uint64_t dict_version_counter;
uint64_t dict_watch_epoch = 1;

/* A value changed under an existing key. */
static void bump(DictObj *d)
{
    d->version = ++dict_version_counter;
    dict_watch_epoch += (uint64_t)d->watched;
}

/* A key was added or removed (or the dict is new). */
static void bump_keys(DictObj *d)
{
    bump(d);
    d->keys_version = d->version;
}

static int hash_of(Value key, int64_t *out)
{
    if (IS_TYPE(key, str_type)) {
        *out = str_hash((StrObj *)AS_OBJ(key));
        return 0;
    }
    return obj_hash(key, out);
}

/* ---- table management ---- */

static size_t table_bytes(size_t cap, size_t nindex)
{
    return cap * sizeof(DictEntry) + nindex * sizeof(int32_t);
}

/* The tables come from the collector's pools (gc_raw_alloc), both in one
 * block: a sweep frees thousands of small dicts at once. */
static void free_tables(DictObj *d)
{
    gc_raw_free(d->entries, table_bytes(d->cap, d->nindex));
}

/* Put entry ix in the first empty index slot of its probe sequence. */
static void index_insert(DictObj *d, int64_t hash, int32_t ix)
{
    size_t mask = d->nindex - 1, i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    while (d->index[i] >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    d->index[i] = ix;
}

/* Rebuild for at least `need` live entries plus room to grow, dropping
 * deleted entries. */
static int dict_resize(DictObj *d, size_t need)
{
    size_t nindex = MIN_INDEX;
    while (nindex * 2 / 3 < need + need / 2 + 1) {
        if (nindex > ((size_t)INT32_MAX) / 2) {
            err_no_memory();
            return -1;
        }
        nindex <<= 1;
    }
    size_t cap = nindex * 2 / 3;
    if (list_check_size(table_bytes(cap, nindex), 1) < 0)
        return -1;
    /* One block: the entries, then the index (int32_t needs no more
     * alignment than the 8 a DictEntry array ends on). */
    DictEntry *entries = gc_raw_alloc(table_bytes(cap, nindex));
    if (!entries) {
        err_no_memory();
        return -1;
    }
    int32_t *index = (int32_t *)(entries + cap);
    size_t n = 0;
    for (size_t i = 0; i < d->nentries; i++)
        if (!IS_NULL(d->entries[i].key))
            entries[n++] = d->entries[i];
    free_tables(d);
    gc_account((ptrdiff_t)table_bytes(cap, nindex) -
               (ptrdiff_t)table_bytes(d->cap, d->nindex));
    d->entries = entries;
    d->index = index;
    d->cap = cap;
    d->nindex = nindex;
    d->nentries = n;
    memset(index, 0xff, nindex * sizeof(int32_t));
    for (size_t i = 0; i < n; i++)
        index_insert(d, entries[i].hash, (int32_t)i);
    return 0;
}

/* The smallest tables, for a dict that has none (new or cleared): what
 * dict_resize(d, 1) makes, without its checks and copying. */
static int first_tables(DictObj *d)
{
    size_t cap = MIN_INDEX * 2 / 3, bytes = table_bytes(cap, MIN_INDEX);
    DictEntry *entries = gc_raw_alloc(bytes);
    if (!entries) {
        err_no_memory();
        return -1;
    }
    gc_account((ptrdiff_t)bytes);
    d->entries = entries;
    d->index = (int32_t *)(entries + cap);
    d->cap = cap;
    d->nindex = MIN_INDEX;
    d->nentries = 0;
    memset(d->index, 0xff, MIN_INDEX * sizeof(int32_t));
    return 0;
}

/* Equality that cannot run script code: 1, 0, or 2 for "must ask". */
static int quick_eq(Value a, Value b)
{
    if (val_is(a, b))
        return 1;
    if (IS_OBJ(a) && IS_OBJ(b) && OBJ_TYPE(AS_OBJ(a)) == &str_type &&
        OBJ_TYPE(AS_OBJ(b)) == &str_type) {
        StrObj *x = (StrObj *)AS_OBJ(a), *y = (StrObj *)AS_OBJ(b);
        if (x->interned && y->interned)
            return 0;
        return x->nbytes == y->nbytes && memcmp(x->data, y->data, x->nbytes) == 0;
    }
    if (!IS_OBJ(a) && !IS_OBJ(b))
        return obj_eq(a, b);
    return 2;
}

/* The entry index holding key, NOT_FOUND (with *slot the empty index slot
 * where it would go) or FOUND_ERROR. */
static int64_t find(DictObj *d, Value key, int64_t hash, size_t *slot)
{
restart:
    if (!d->index) {
        *slot = 0;
        return NOT_FOUND;
    }
    size_t mask = d->nindex - 1, i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    for (;;) {
        int32_t ix = d->index[i];
        if (ix < 0) {
            *slot = i;
            return NOT_FOUND;
        }
        DictEntry *e = &d->entries[ix];
        if (e->hash == hash && !IS_NULL(e->key)) {
            int r = quick_eq(e->key, key);
            if (r == 2) {
                DictEntry *entries = d->entries;
                Value k = e->key;
                r = iter_item_eq(k, key);
                if (r < 0)
                    return FOUND_ERROR;
                if (d->entries != entries || !val_is(d->entries[ix].key, k))
                    goto restart;
            }
            if (r)
                return ix;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* Append a new entry; `slot` is where find() said the key would go. */
static int insert_new(DictObj *d, Value key, int64_t hash, Value v,
                      size_t slot)
{
    int moved = 0;
    if (d->nentries == d->cap) {
        if (dict_resize(d, d->used + 1) < 0)
            return -1;
        moved = 1;
    }
    size_t ix = d->nentries++;
    d->entries[ix] = (DictEntry){.hash = hash, .key = key, .value = v};
    if (moved)
        index_insert(d, hash, (int32_t)ix);
    else
        d->index[slot] = (int32_t)ix;
    d->used++;
    bump_keys(d);
    return 0;
}

/* ---- the C API ---- */

DictObj *dict_new(void)
{
    DictObj *d = gc_alloc(&dict_type, sizeof(DictObj));
    bump_keys(d);
    return d;
}

int dict_lookup(DictObj *d, Value key, Value *out)
{
    int64_t hash;
    size_t slot;
    if (hash_of(key, &hash) < 0)
        return -1;
    int64_t ix = find(d, key, hash, &slot);
    if (ix == FOUND_ERROR)
        return -1;
    if (ix == NOT_FOUND)
        return 0;
    *out = d->entries[ix].value;
    return 1;
}

/* Interned keys are unique, so pointer comparison decides between two
 * interned strings; other str keys compare bytes.  Non-str keys never
 * equal a str here, which skips the __eq__ a script class could define
 * (names never reach such keys). */
static inline int32_t str_index(DictObj *d, StrObj *key)
{
    if (!d->index)
        return -1;
    int64_t hash = key->hash != -1 ? key->hash : str_hash(key);
    size_t mask = d->nindex - 1, i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    for (;;) {
        int32_t ix = d->index[i];
        if (ix < 0)
            return -1;
        DictEntry *e = &d->entries[ix];
        if (IS_OBJ(e->key) && (AS_OBJ(e->key) == &key->hdr ||
                               (e->hash == hash && quick_eq(e->key, V_OBJ(key)) == 1)))
            return ix;
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

Value dict_get_str(DictObj *d, StrObj *key)
{
    int32_t ix = str_index(d, key);
    return ix < 0 ? V_NULL : d->entries[ix].value;
}

int32_t dict_index_str(DictObj *d, StrObj *key)
{
    return str_index(d, key);
}

Value dict_get_cstr(DictObj *d, const char *key)
{
    return dict_get_str(d, str_intern_cstr(key));
}

/* Store key: the index of the entry holding it now, or -1 on error. */
static int32_t set_with_hash(DictObj *d, Value key, int64_t hash, Value v)
{
    size_t slot;
    int64_t ix = find(d, key, hash, &slot);
    if (ix == FOUND_ERROR)
        return -1;
    if (ix >= 0) {
        d->entries[ix].value = v;
        bump(d);
        return (int32_t)ix;
    }
    if (!d->index) {
        if (first_tables(d) < 0)
            return -1;
        index_insert(d, hash, (int32_t)d->nentries);
        d->entries[d->nentries++] = (DictEntry){hash, key, v};
        d->used++;
        bump_keys(d);
        return (int32_t)(d->nentries - 1);
    }
    if (insert_new(d, key, hash, v, slot) < 0)
        return -1;
    return (int32_t)(d->nentries - 1);
}

int dict_set(DictObj *d, Value key, Value v)
{
    int64_t hash;
    if (hash_of(key, &hash) < 0)
        return -1;
    return set_with_hash(d, key, hash, v) < 0 ? -1 : 0;
}

/* The hash a str caches, without a call when it is there already. */
static inline int64_t cached_str_hash(StrObj *key)
{
    return key->hash != -1 ? key->hash : str_hash(key);
}

int dict_set_str(DictObj *d, StrObj *key, Value v)
{
    return set_with_hash(d, V_OBJ(key), cached_str_hash(key), v) < 0 ? -1 : 0;
}

int32_t dict_set_str_at(DictObj *d, StrObj *key, Value v)
{
    return set_with_hash(d, V_OBJ(key), cached_str_hash(key), v);
}

static void remove_entry(DictObj *d, int64_t ix)
{
    d->entries[ix].key = V_NULL;
    d->entries[ix].value = V_NULL;
    d->used--;
    bump_keys(d);
}

int dict_del(DictObj *d, Value key)
{
    int64_t hash;
    size_t slot;
    if (hash_of(key, &hash) < 0)
        return -1;
    int64_t ix = find(d, key, hash, &slot);
    if (ix == FOUND_ERROR)
        return -1;
    if (ix == NOT_FOUND) {
        err_set_obj(&exc_KeyError, key);
        return -1;
    }
    remove_entry(d, ix);
    return 0;
}

int dict_contains(DictObj *d, Value key)
{
    Value v;
    return dict_lookup(d, key, &v);
}

Value dict_pop(DictObj *d, Value key, Value dflt)
{
    int64_t hash;
    size_t slot;
    if (hash_of(key, &hash) < 0)
        return V_NULL;
    int64_t ix = find(d, key, hash, &slot);
    if (ix == FOUND_ERROR)
        return V_NULL;
    if (ix == NOT_FOUND)
        return IS_NULL(dflt) ? err_set_obj(&exc_KeyError, key) : dflt;
    Value v = d->entries[ix].value;
    remove_entry(d, ix);
    return v;
}

int dict_next(DictObj *d, size_t *pos, Value *key, Value *value)
{
    while (*pos < d->nentries) {
        DictEntry *e = &d->entries[(*pos)++];
        if (!IS_NULL(e->key)) {
            if (key)
                *key = e->key;
            if (value)
                *value = e->value;
            return 1;
        }
    }
    return 0;
}

void dict_clear(DictObj *d)
{
    free_tables(d);
    gc_account(-(ptrdiff_t)table_bytes(d->cap, d->nindex));
    d->entries = NULL;
    d->index = NULL;
    d->cap = d->nindex = d->nentries = d->used = 0;
    bump_keys(d);
}

DictObj *dict_copy(DictObj *d)
{
    DictObj *r = dict_new();
    if (d->used == 0)
        return r;
    if (dict_resize(r, d->used) < 0)
        return NULL;
    for (size_t i = 0; i < d->nentries; i++) {
        DictEntry *e = &d->entries[i];
        if (IS_NULL(e->key))
            continue;
        index_insert(r, e->hash, (int32_t)r->nentries);
        r->entries[r->nentries++] = *e;
    }
    r->used = d->used;
    return r;
}

/* Merge a dict, entry by entry: the source may change under a key's
 * __eq__, so its arrays are re-read at every step. */
static int update_from_dict(DictObj *d, DictObj *src)
{
    if (src == d)
        return 0;
    if (d->used == 0 && src->used > 0 &&
        dict_resize(d, src->used) < 0)
        return -1;
    for (size_t i = 0; i < src->nentries; i++) {
        DictEntry e = src->entries[i];
        if (IS_NULL(e.key))
            continue;
        gc_root_push(&e.key);
        gc_root_push(&e.value);
        int rc = set_with_hash(d, e.key, e.hash, e.value);
        gc_root_pop(2);
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* other.keys() and other[k], for objects that look like mappings. */
static int update_from_mapping(DictObj *d, Value other, Value keysfn)
{
    Value keys = obj_call0(keysfn);
    if (IS_NULL(keys))
        return -1;
    gc_root_push(&keys);
    Value it = obj_iter(keys);
    gc_root_push(&it);
    int rc = IS_NULL(it) ? -1 : 0;
    while (rc == 0) {
        Value k = obj_next(it);
        if (IS_NULL(k)) {
            rc = err_occurred() ? -1 : 0;
            break;
        }
        gc_root_push(&k);
        Value v = obj_getitem(other, k);
        gc_root_push(&v);
        rc = IS_NULL(v) ? -1 : dict_set(d, k, v);
        gc_root_pop(2);
        if (rc < 0)
            break;
    }
    gc_root_pop(2);
    return rc;
}

/* One element of an iterable of pairs, as (key, value). */
static int update_pair(DictObj *d, Value item, int64_t n)
{
    Value seq;
    if (IS_TYPE(item, tuple_type) || IS_TYPE(item, list_type)) {
        seq = item;
    } else {
        Value it = obj_iter(item);
        if (IS_NULL(it)) {
            if (err_matches(&exc_TypeError)) {
                err_clear();
                err_set(&exc_TypeError, "cannot convert dictionary update "
                        "sequence element #%lld to a sequence", (long long)n);
            }
            return -1;
        }
        gc_root_push(&it);
        seq = list_from_iter(it);
        gc_root_pop(1);
        if (IS_NULL(seq))
            return -1;
    }
    gc_root_push(&seq);
    int rc = -1;
    int64_t len = obj_len(seq);
    if (len != 2)
        err_set(&exc_ValueError, "dictionary update sequence element #%lld "
                "has length %lld; 2 is required", (long long)n,
                (long long)len);
    else {
        Value k = obj_getitem(seq, V_INT(0)), v = obj_getitem(seq, V_INT(1));
        rc = dict_set(d, k, v);
    }
    gc_root_pop(1);
    return rc;
}

static int update_from_pairs(DictObj *d, Value other)
{
    Value it = obj_iter(other);
    if (IS_NULL(it))
        return -1;
    gc_root_push(&it);
    int rc = 0;
    for (int64_t n = 0;; n++) {
        Value item = obj_next(it);
        if (IS_NULL(item)) {
            rc = err_occurred() ? -1 : 0;
            break;
        }
        gc_root_push(&item);
        rc = update_pair(d, item, n);
        gc_root_pop(1);
        if (rc < 0)
            break;
    }
    gc_root_pop(1);
    return rc;
}

int dict_update(DictObj *d, Value other)
{
    if (IS_TYPE(other, dict_type))
        return update_from_dict(d, (DictObj *)AS_OBJ(other));
    if (val_type(other)->flags & TF_HEAPTYPE) {
        Value keysfn;
        if (obj_lookup_attr(other, str_intern_cstr("keys"), &keysfn) < 0)
            return -1;
        if (!IS_NULL(keysfn)) {
            gc_root_push(&keysfn);
            int rc = update_from_mapping(d, other, keysfn);
            gc_root_pop(1);
            return rc;
        }
    }
    return update_from_pairs(d, other);
}

/* ---- type slots ---- */

static void dict_trace(Obj *self)
{
    DictObj *d = (DictObj *)self;
    for (size_t i = 0; i < d->nentries; i++) {
        gc_mark_value(d->entries[i].key);
        gc_mark_value(d->entries[i].value);
    }
}

static void dict_finalize(Obj *self)
{
    DictObj *d = (DictObj *)self;
    free_tables(d);
    gc_account(-(ptrdiff_t)table_bytes(d->cap, d->nindex));
}

/* Append repr(v) to b; v is rooted while its __repr__ runs. */
static int put_repr(StrBuf *b, Value v)
{
    gc_root_push(&v);
    Value r = obj_repr(v);
    gc_root_pop(1);
    if (IS_NULL(r))
        return -1;
    StrObj *s = (StrObj *)AS_OBJ(r);
    str_buf_put(b, s->data, s->nbytes);
    return 0;
}

static Value dict_repr(Value self)
{
    DictObj *d = (DictObj *)AS_OBJ(self);
    if (d->used == 0)
        return V_OBJ(str_from_cstr("{}"));
    int g = list_repr_enter(&d->hdr);
    if (g != 0)
        return g < 0 ? V_NULL : V_OBJ(str_from_cstr("{...}"));
    StrBuf b;
    str_buf_init(&b);
    str_buf_putc(&b, '{');
    int first = 1, rc = 0;
    for (size_t i = 0; i < d->nentries && rc == 0; i++) {
        DictEntry e = d->entries[i];
        if (IS_NULL(e.key))
            continue;
        if (!first)
            str_buf_puts(&b, ", ");
        first = 0;
        gc_root_push(&e.value);
        rc = put_repr(&b, e.key);
        str_buf_puts(&b, ": ");
        if (rc == 0)
            rc = put_repr(&b, e.value);
        gc_root_pop(1);
    }
    list_repr_leave(&d->hdr);
    if (rc < 0) {
        str_buf_free(&b);
        return V_NULL;
    }
    str_buf_putc(&b, '}');
    return V_OBJ(str_buf_finish(&b));
}

/* a == b: same size and every key of a maps to an equal value in b. */
static int dict_equal(DictObj *a, DictObj *b)
{
    if (a->used != b->used)
        return 0;
    for (size_t i = 0; i < a->nentries; i++) {
        DictEntry e = a->entries[i];
        if (IS_NULL(e.key))
            continue;
        gc_root_push(&e.key);
        gc_root_push(&e.value);
        size_t slot;
        int64_t ix = find(b, e.key, e.hash, &slot);
        int r = ix == FOUND_ERROR ? -1 : 0;
        if (ix >= 0) {
            Value bv = b->entries[ix].value;
            gc_root_push(&bv);
            r = iter_item_eq(e.value, bv);
            gc_root_pop(1);
        }
        gc_root_pop(2);
        if (r <= 0)
            return r;
    }
    return 1;
}

static Value dict_richcmp(Value a, Value b, int op)
{
    if (!IS_TYPE(b, dict_type) || (op != CMP_EQ && op != CMP_NE))
        return V_NOTIMPL;
    int r = dict_equal((DictObj *)AS_OBJ(a), (DictObj *)AS_OBJ(b));
    if (r < 0)
        return V_NULL;
    return V_BOOL((r == 1) == (op == CMP_EQ));
}

static Value dict_binop(Value a, Value b, int op)
{
    if (op == (BOP_INPLACE | BOP_OR))
        return dict_update((DictObj *)AS_OBJ(a), b) < 0 ? V_NULL : a;
    if (op != BOP_OR || !IS_TYPE(b, dict_type))
        return V_NOTIMPL;
    DictObj *r = dict_copy((DictObj *)AS_OBJ(a));
    if (!r)
        return V_NULL;
    Value rv = V_OBJ(r);
    gc_root_push(&rv);
    int rc = dict_update(r, b);
    gc_root_pop(1);
    return rc < 0 ? V_NULL : rv;
}

static Value dict_getitem(Value self, Value key)
{
    Value v;
    int r = dict_lookup((DictObj *)AS_OBJ(self), key, &v);
    if (r < 0)
        return V_NULL;
    if (r == 0)
        return err_set_obj(&exc_KeyError, key);
    return v;
}

static int dict_setitem(Value self, Value key, Value v)
{
    DictObj *d = (DictObj *)AS_OBJ(self);
    return IS_NULL(v) ? dict_del(d, key) : dict_set(d, key, v);
}

static int64_t dict_len(Value self)
{
    return (int64_t)((DictObj *)AS_OBJ(self))->used;
}

static int dict_contains_slot(Value self, Value key)
{
    return dict_contains((DictObj *)AS_OBJ(self), key);
}

static Value iter_new(DictObj *d, int kind, int reverse)
{
    DictIterObj *it = gc_alloc(&dict_iter_type, sizeof *it);
    it->d = d;
    it->used = d->used;
    it->kind = kind;
    it->reverse = reverse;
    it->pos = reverse ? d->nentries : 0;
    return V_OBJ(it);
}

Value dict_reversed_new(DictObj *d)
{
    return iter_new(d, KIND_KEYS, 1);
}

static Value dict_iter(Value self)
{
    return iter_new((DictObj *)AS_OBJ(self), KIND_KEYS, 0);
}

static Value dict_new_slot(Value type, Value *args, int nargs,
                           TupleObj *kwnames)
{
    (void)type;
    if (args_count("dict", nargs, 0, 1) < 0)
        return V_NULL;
    DictObj *d = dict_new();
    Value dv = V_OBJ(d);
    gc_root_push(&dv);
    int rc = nargs == 1 ? dict_update(d, args[0]) : 0;
    size_t nkw = kwnames ? kwnames->n : 0;
    for (size_t i = 0; i < nkw && rc == 0; i++)
        rc = dict_set(d, kwnames->items[i], args[nargs + i]);
    gc_root_pop(1);
    return rc < 0 ? V_NULL : dv;
}

/* ---- methods ---- */

#define SELF ((DictObj *)AS_OBJ(args[0]))

static int no_kw_count(const char *name, int nargs, TupleObj *kwnames,
                       int min, int max)
{
    return args_no_kw(name, kwnames) < 0 ||
                   args_count(name, nargs - 1, min, max) < 0
               ? -1 : 0;
}

static Value dict_get_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &dict_type, "get") < 0)
        return V_NULL;
    if (no_kw_count("get", nargs, kwnames, 1, 2) < 0)
        return V_NULL;
    Value v;
    int r = dict_lookup(SELF, args[1], &v);
    if (r < 0)
        return V_NULL;
    return r ? v : nargs > 2 ? args[2] : V_NONE;
}

static Value dict_setdefault_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &dict_type, "setdefault") < 0)
        return V_NULL;
    if (no_kw_count("setdefault", nargs, kwnames, 1, 2) < 0)
        return V_NULL;
    Value v, dflt = nargs > 2 ? args[2] : V_NONE;
    int r = dict_lookup(SELF, args[1], &v);
    if (r < 0)
        return V_NULL;
    if (r)
        return v;
    return dict_set(SELF, args[1], dflt) < 0 ? V_NULL : dflt;
}

static Value dict_pop_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &dict_type, "pop") < 0)
        return V_NULL;
    if (no_kw_count("pop", nargs, kwnames, 1, 2) < 0)
        return V_NULL;
    return dict_pop(SELF, args[1], nargs > 2 ? args[2] : V_NULL);
}

static Value dict_popitem_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &dict_type, "popitem") < 0)
        return V_NULL;
    if (no_kw_count("dict.popitem", nargs, kwnames, 0, 0) < 0)
        return V_NULL;
    DictObj *d = SELF;
    if (d->used == 0)
        return err_set(&exc_KeyError, "popitem(): dictionary is empty");
    size_t i = d->nentries;
    while (IS_NULL(d->entries[i - 1].key))
        i--;
    DictEntry e = d->entries[i - 1];
    remove_entry(d, (int64_t)i - 1);
    return V_OBJ(tuple_pack(2, e.key, e.value));
}

static Value dict_update_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &dict_type, "update") < 0)
        return V_NULL;
    if (args_count("update", nargs - 1, 0, 1) < 0)
        return V_NULL;
    DictObj *d = SELF;
    if (nargs > 1 && dict_update(d, args[1]) < 0)
        return V_NULL;
    size_t nkw = kwnames ? kwnames->n : 0;
    for (size_t i = 0; i < nkw; i++)
        if (dict_set(d, kwnames->items[i], args[nargs + i]) < 0)
            return V_NULL;
    return V_NONE;
}

static Value view_new(TypeObj *t, DictObj *d)
{
    DictViewObj *v = gc_alloc(t, sizeof *v);
    v->d = d;
    return V_OBJ(v);
}

static Value dict_keys_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &dict_type, "keys") < 0)
        return V_NULL;
    if (no_kw_count("dict.keys", nargs, kwnames, 0, 0) < 0)
        return V_NULL;
    return view_new(&dict_keys_type, SELF);
}

static Value dict_values_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &dict_type, "values") < 0)
        return V_NULL;
    if (no_kw_count("dict.values", nargs, kwnames, 0, 0) < 0)
        return V_NULL;
    return view_new(&dict_values_type, SELF);
}

static Value dict_items_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &dict_type, "items") < 0)
        return V_NULL;
    if (no_kw_count("dict.items", nargs, kwnames, 0, 0) < 0)
        return V_NULL;
    return view_new(&dict_items_type, SELF);
}

static Value dict_copy_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &dict_type, "copy") < 0)
        return V_NULL;
    if (no_kw_count("dict.copy", nargs, kwnames, 0, 0) < 0)
        return V_NULL;
    DictObj *r = dict_copy(SELF);
    return r ? V_OBJ(r) : V_NULL;
}

static Value dict_clear_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &dict_type, "clear") < 0)
        return V_NULL;
    if (no_kw_count("dict.clear", nargs, kwnames, 0, 0) < 0)
        return V_NULL;
    dict_clear(SELF);
    return V_NONE;
}

/* dict.fromkeys(iterable, value=None), a classmethod: args[0] is the
 * class. */
static Value dict_fromkeys_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (no_kw_count("fromkeys", nargs, kwnames, 1, 2) < 0)
        return V_NULL;
    Value value = nargs > 2 ? args[2] : V_NONE;
    DictObj *d = dict_new();
    Value dv = V_OBJ(d);
    gc_root_push(&dv);
    Value it = obj_iter(args[1]);
    gc_root_push(&it);
    int rc = IS_NULL(it) ? -1 : 0;
    while (rc == 0) {
        Value k = obj_next(it);
        if (IS_NULL(k)) {
            rc = err_occurred() ? -1 : 0;
            break;
        }
        rc = dict_set(d, k, value);
    }
    gc_root_pop(2);
    return rc < 0 ? V_NULL : dv;
}

#undef SELF

static const MethodDef dict_methods[] = {
    {"get", dict_get_m, NATIVE_METHOD},
    {"setdefault", dict_setdefault_m, NATIVE_METHOD},
    {"pop", dict_pop_m, NATIVE_METHOD},
    {"popitem", dict_popitem_m, NATIVE_METHOD},
    {"update", dict_update_m, NATIVE_METHOD},
    {"keys", dict_keys_m, NATIVE_METHOD},
    {"values", dict_values_m, NATIVE_METHOD},
    {"items", dict_items_m, NATIVE_METHOD},
    {"copy", dict_copy_m, NATIVE_METHOD},
    {"clear", dict_clear_m, NATIVE_METHOD},
    {"fromkeys", dict_fromkeys_m, NATIVE_CLASSMETHOD},
    {NULL, NULL, 0},
};

TypeObj dict_type = {
    TYPE_OBJ_HEAD,
    .name = "dict",
    .base = &object_type,
    /* Not TF_BASETYPE: a script subclass would get InstanceObj-sized
     * instances that these slots would read as dict objects, so the class
     * statement reports "not an acceptable base type" instead. */
    .instance_size = sizeof(DictObj),
    .trace = dict_trace,
    .finalize = dict_finalize,
    .repr = dict_repr,
    .richcmp = dict_richcmp,
    .binop = dict_binop,
    .iter = dict_iter,
    .getitem = dict_getitem,
    .setitem = dict_setitem,
    .len = dict_len,
    .contains = dict_contains_slot,
    .new_ = dict_new_slot,
};

/* ---- iterators ---- */

static void dict_iter_trace(Obj *self)
{
    gc_mark_obj((Obj *)((DictIterObj *)self)->d);
}

static Value dict_iter_self(Value self)
{
    return self;
}

static Value iter_result(DictIterObj *it, DictEntry *e)
{
    switch (it->kind) {
    case KIND_KEYS: return e->key;
    case KIND_VALUES: return e->value;
    default: return V_OBJ(tuple_pack(2, e->key, e->value));
    }
}

static Value dict_iter_next(Value self)
{
    DictIterObj *it = (DictIterObj *)AS_OBJ(self);
    DictObj *d = it->d;
    if (!d)
        return V_NULL;
    if (d->used != it->used) {
        /* Keep failing: the iteration cannot be resumed meaningfully. */
        it->used = (size_t)-1;
        return err_set(&exc_RuntimeError,
                       "dictionary changed size during iteration");
    }
    if (it->reverse) {
        while (it->pos > 0 && it->pos <= d->nentries) {
            DictEntry *e = &d->entries[--it->pos];
            if (!IS_NULL(e->key))
                return iter_result(it, e);
        }
    } else {
        while (it->pos < d->nentries) {
            DictEntry *e = &d->entries[it->pos++];
            if (!IS_NULL(e->key))
                return iter_result(it, e);
        }
    }
    it->d = NULL;
    return V_NULL;
}

static TypeObj dict_iter_type = {
    TYPE_OBJ_HEAD,
    .name = "dict_keyiterator",
    .base = &object_type,
    .instance_size = sizeof(DictIterObj),
    .trace = dict_iter_trace,
    .iter = dict_iter_self,
    .next = dict_iter_next,
};

/* ---- views ---- */

static int view_kind(Value v)
{
    TypeObj *t = val_type(v);
    return t == &dict_keys_type ? KIND_KEYS
           : t == &dict_values_type ? KIND_VALUES : KIND_ITEMS;
}

static void view_trace(Obj *self)
{
    gc_mark_obj((Obj *)((DictViewObj *)self)->d);
}

static int64_t view_len(Value self)
{
    return (int64_t)((DictViewObj *)AS_OBJ(self))->d->used;
}

static Value view_iter(Value self)
{
    return iter_new(((DictViewObj *)AS_OBJ(self))->d, view_kind(self), 0);
}

static Value view_repr(Value self)
{
    Value items = list_from_iter(self);
    if (IS_NULL(items))
        return V_NULL;
    gc_root_push(&items);
    Value r = obj_repr(items);
    gc_root_pop(1);
    if (IS_NULL(r))
        return V_NULL;
    return V_OBJ(str_printf("%s(%s)", val_type(self)->name,
                            STR_CSTR((StrObj *)AS_OBJ(r))));
}

static int keys_contains(Value self, Value key)
{
    return dict_contains(((DictViewObj *)AS_OBJ(self))->d, key);
}

static int values_contains(Value self, Value item)
{
    DictObj *d = ((DictViewObj *)AS_OBJ(self))->d;
    for (size_t i = 0; i < d->nentries; i++) {
        if (IS_NULL(d->entries[i].key))
            continue;
        int r = iter_item_eq(d->entries[i].value, item);
        if (r != 0)
            return r;
    }
    return 0;
}

static int items_contains(Value self, Value item)
{
    if (!IS_TYPE(item, tuple_type) || ((TupleObj *)AS_OBJ(item))->n != 2)
        return 0;
    TupleObj *t = (TupleObj *)AS_OBJ(item);
    Value v;
    int r = dict_lookup(((DictViewObj *)AS_OBJ(self))->d, t->items[0], &v);
    if (r <= 0)
        return r;
    gc_root_push(&v);
    r = iter_item_eq(v, t->items[1]);
    gc_root_pop(1);
    return r;
}

/* Keys and items views are set-like: their operators build a set of the
 * view and apply the matching in-place set method with the other
 * operand, which may be any iterable. */
static Value setlike_op(Value left, Value right, int op)
{
    static const char *const methods[] = {
        [BOP_AND] = "intersection_update", [BOP_OR] = "update",
        [BOP_SUB] = "difference_update", [BOP_XOR] = "symmetric_difference_update",
    };
    if (op != BOP_AND && op != BOP_OR && op != BOP_SUB && op != BOP_XOR)
        return V_NOTIMPL;
    if (IS_NULL(obj_iter(right))) {
        if (!err_matches(&exc_TypeError))
            return V_NULL;
        err_clear();
        return V_NOTIMPL;
    }
    SetObj *s = set_new();
    Value sv = V_OBJ(s);
    gc_root_push(&sv);
    Value r = set_update(s, left) < 0
                  ? V_NULL : obj_call_method(sv, methods[op], &right, 1);
    gc_root_pop(1);
    return IS_NULL(r) ? V_NULL : sv;
}

static Value view_binop(Value a, Value b, int op)
{
    return setlike_op(a, b, op & ~BOP_INPLACE);
}

static Value view_rbinop(Value self, Value other, int op)
{
    return setlike_op(other, self, op);
}

/* Set-like comparison: as sets, against sets and other set-like views. */
static Value view_richcmp(Value a, Value b, int op)
{
    int bk = IS_TYPE(b, dict_keys_type) || IS_TYPE(b, dict_items_type);
    if (!bk && !IS_TYPE(b, set_type))
        return V_NOTIMPL;
    SetObj *sa = set_new();
    Value sav = V_OBJ(sa), sbv = b;
    gc_root_push(&sav);
    gc_root_push(&sbv);
    Value r = V_NULL;
    if (set_update(sa, a) == 0) {
        if (bk) {
            SetObj *sb = set_new();
            sbv = V_OBJ(sb);
            if (set_update(sb, b) < 0)
                sbv = V_NULL;
        }
        if (!IS_NULL(sbv))
            r = obj_richcmp(sav, sbv, op);
    }
    gc_root_pop(2);
    return r;
}

TypeObj dict_keys_type = {
    TYPE_OBJ_HEAD,
    .name = "dict_keys",
    .base = &object_type,
    .instance_size = sizeof(DictViewObj),
    .trace = view_trace,
    .repr = view_repr,
    .richcmp = view_richcmp,
    .binop = view_binop,
    .rbinop = view_rbinop,
    .iter = view_iter,
    .len = view_len,
    .contains = keys_contains,
};

TypeObj dict_values_type = {
    TYPE_OBJ_HEAD,
    .name = "dict_values",
    .base = &object_type,
    .instance_size = sizeof(DictViewObj),
    .trace = view_trace,
    .repr = view_repr,
    .iter = view_iter,
    .len = view_len,
    .contains = values_contains,
};

TypeObj dict_items_type = {
    TYPE_OBJ_HEAD,
    .name = "dict_items",
    .base = &object_type,
    .instance_size = sizeof(DictViewObj),
    .trace = view_trace,
    .repr = view_repr,
    .richcmp = view_richcmp,
    .binop = view_binop,
    .rbinop = view_rbinop,
    .iter = view_iter,
    .len = view_len,
    .contains = items_contains,
};

void dict_init(void)
{
    type_add_methods(&dict_type, dict_methods);
    type_register_static(&dict_iter_type);
    type_register_static(&dict_keys_type);
    type_register_static(&dict_values_type);
    type_register_static(&dict_items_type);
}
