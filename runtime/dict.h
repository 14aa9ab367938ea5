/* dict.h - insertion-ordered hash tables.
 *
 * `version` changes on every mutation, so the VM's inline caches for
 * globals and attributes can tell a cached lookup is still valid with one
 * comparison.  `keys_version` changes only when the set of keys does (a
 * key added or removed), so a cache that only needs to know a name is
 * still absent survives the value updates of a loop assigning a global.
 */
#ifndef SIGVM_DICT_H
#define SIGVM_DICT_H

#include <stddef.h>
#include <stdint.h>

#include "object.h"

typedef struct DictEntry {
    int64_t hash;
    Value key; /* V_NULL: deleted */
    Value value;
} DictEntry;

struct DictObj {
    Obj hdr;
    uint64_t version;
    uint64_t keys_version; /* a `version` value: the last key-set change */
    size_t used;      /* live entries */
    size_t nentries;  /* entries in use incl. deleted */
    size_t cap;       /* entries capacity */
    DictEntry *entries;
    int32_t *index;   /* open-addressing slots into entries */
    size_t nindex;    /* power of two */
    /* A type's dict that an inline cache relies on (dict_watch): every
     * mutation also moves dict_watch_epoch. */
    int watched;
};

DictObj *dict_new(void);
/* 1 found (*out set), 0 missing, -1 error (hash/eq raised). */
int dict_lookup(DictObj *d, Value key, Value *out);
/* Interned-string keys: never fails; V_NULL when missing. */
Value dict_get_str(DictObj *d, StrObj *key);
Value dict_get_cstr(DictObj *d, const char *key);
/* The entry position of an interned-string key, or -1 when missing. */
int32_t dict_index_str(DictObj *d, StrObj *key);

/* Where versions come from (dict.c): one counter for all dicts, so that a
 * (dict, version) pair cached by the VM never matches another dict at a
 * reused address.  Touched only by the thread holding the GIL. */
extern uint64_t dict_version_counter;

/* Moves whenever a watched dict changes (and when a type is created or
 * gains a dict, see type.c), so a cache of what a class chain says can
 * tell it is still valid with one comparison instead of one per class.
 * Touched only by the thread holding the GIL. */
extern uint64_t dict_watch_epoch;

static inline void dict_watch(DictObj *d)
{
    d->watched = 1;
}

/* Positional caches: if entry ix holds the interned key, replace its
 * value (a value-only change: version moves, keys_version does not) and
 * return 1; otherwise change nothing and return 0.  Keys are unique among
 * live entries and a deleted entry's key is V_NULL, so finding the key at
 * ix proves that ix is its live entry.  Inline: STORE_GLOBAL's fast path. */
static inline int dict_replace_at(DictObj *d, int32_t ix, StrObj *key,
                                  Value v)
{
    if ((uint32_t)ix >= d->nentries)
        return 0;
    DictEntry *e = &d->entries[ix];
    if (e->key.tag != VT_OBJ || e->key.as.o != (Obj *)key)
        return 0;
    e->value = v;
    d->version = ++dict_version_counter;
    if (__builtin_expect(d->watched, 0))
        dict_watch_epoch++;
    return 1;
}
int dict_set(DictObj *d, Value key, Value v);
int dict_set_str(DictObj *d, StrObj *key, Value v);
/* dict_set_str that returns the entry index the key now sits at (for
 * dict_replace_at), or -1 on error. */
int32_t dict_set_str_at(DictObj *d, StrObj *key, Value v);
int dict_del(DictObj *d, Value key); /* KeyError when missing */
/* Iterate: *pos starts at 0; returns 0 when done. */
int dict_next(DictObj *d, size_t *pos, Value *key, Value *value);
int dict_update(DictObj *d, Value other); /* dict or iterable of pairs */

#endif

/* ---- Added by the containers owner (dict.c). ---- */
#ifndef SIGVM_DICT_EXTRA_H
#define SIGVM_DICT_EXTRA_H

extern TypeObj dict_keys_type, dict_values_type, dict_items_type;

DictObj *dict_copy(DictObj *d);
void dict_clear(DictObj *d);
/* 1 if key is present, 0 if not, -1 on error. */
int dict_contains(DictObj *d, Value key);
/* Remove key and return its value; when missing, return dflt, or raise
 * KeyError(key) if dflt is V_NULL. */
Value dict_pop(DictObj *d, Value key, Value dflt);
/* dict_update accepts, as d.update(other) does, a dict, any object with a
 * keys attribute (read as a mapping: other[k] for k in other.keys()), or
 * an iterable of pairs. */
/* reversed(d): the keys, last inserted first. */
Value dict_reversed_new(DictObj *d);

#endif
