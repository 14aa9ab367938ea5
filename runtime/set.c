/* set.c - mutable sets.
 *
 * A set prints its items in table order, and a script's output must match
 * CPython's byte for byte, so the table follows CPython 3.11's layout
 * rules exactly: the same minimum size (8), the same probe sequence
 * (LINEAR_PROBES neighbours, then perturbed jumps), the same fill limit
 * and growth factors, reuse of deleted slots, and the same algorithms for
 * copy, union, intersection and difference, which decide the order in
 * which a result's items are inserted.  With identical hashes (ints hash
 * as in CPython) {3, 1, 2} then prints as CPython prints it.
 *
 * Slots: unused is key V_NULL with payload 0 (calloc'd memory); a deleted
 * slot ("dummy") is key V_NULL with payload 1 and hash -1.
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/runtime.h"
#include "runtime/iter.h"

#define MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

typedef struct SetEntry {
    Value key;
    int64_t hash;
} SetEntry;

struct SetObj {
    Obj hdr;
    size_t fill;      /* active + dummy slots */
    size_t used;      /* active slots */
    size_t mask;      /* table size - 1 */
    SetEntry *table;  /* NULL while empty and never grown */
    size_t finger;    /* where pop() resumes its search */
};

typedef struct SetIterObj {
    Obj hdr;
    SetObj *s; /* NULL once exhausted */
    size_t pos;
    size_t used;
} SetIterObj;

static TypeObj set_iter_type;

#define IS_UNUSED(e) (IS_NULL((e)->key) && (e)->key.as.i == 0)
#define IS_ACTIVE(e) (!IS_NULL((e)->key))

static const Value dummy_key = {.tag = VT_NULL, .as = {.i = 1}};

/* ---- the table ---- */

static void set_empty_table(SetObj *s)
{
    s->table = NULL;
    s->mask = MINSIZE - 1;
    s->fill = s->used = 0;
}

static int ensure_table(SetObj *s)
{
    if (s->table)
        return 0;
    s->table = calloc(MINSIZE, sizeof(SetEntry));
    if (!s->table) {
        err_no_memory();
        return -1;
    }
    gc_account(MINSIZE * sizeof(SetEntry));
    return 0;
}

static void free_table(SetObj *s)
{
    if (s->table) {
        free(s->table);
        gc_account(-(ptrdiff_t)((s->mask + 1) * sizeof(SetEntry)));
    }
    set_empty_table(s);
}

/* Place a key known to be absent into a table without dummies. */
static void insert_clean(SetEntry *table, size_t mask, Value key,
                         int64_t hash)
{
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        SetEntry *e = &table[i];
        if (IS_UNUSED(e))
            goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (IS_UNUSED(e))
                    goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
found:
        e->key = key;
        e->hash = hash;
        return;
    }
}

/* Rebuild with the smallest power-of-two size above minused. */
static int set_resize(SetObj *s, size_t minused)
{
    size_t size = MINSIZE;
    while (size <= minused)
        size <<= 1;
    if (list_check_size(size, sizeof(SetEntry)) < 0)
        return -1;
    SetEntry *table = calloc(size, sizeof(SetEntry));
    if (!table) {
        err_no_memory();
        return -1;
    }
    SetEntry *old = s->table;
    size_t oldsize = s->mask + 1;
    for (size_t i = 0; old && i < oldsize; i++)
        if (IS_ACTIVE(&old[i]))
            insert_clean(table, size - 1, old[i].key, old[i].hash);
    free(old);
    gc_account((ptrdiff_t)(size * sizeof(SetEntry)) -
               (old ? (ptrdiff_t)(oldsize * sizeof(SetEntry)) : 0));
    s->table = table;
    s->mask = size - 1;
    s->fill = s->used;
    return 0;
}

static int grow_after_insert(SetObj *s)
{
    if (s->fill * 5 < s->mask * 3)
        return 0;
    return set_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

/* Compare an active entry's key with key; 1, 0, -1, or 2 when the
 * comparison changed the table (start over). */
static int entry_matches(SetObj *s, SetEntry *e, Value key)
{
    if (val_is(e->key, key))
        return 1;
    SetEntry *table = s->table;
    Value start = e->key;
    int r = iter_item_eq(start, key);
    if (r < 0)
        return -1;
    if (s->table != table || !val_is(e->key, start))
        return 2;
    return r;
}

/* The active entry holding key, or NULL (*err set to -1 on failure). */
static SetEntry *lookup(SetObj *s, Value key, int64_t hash, int *err)
{
    *err = 0;
restart:
    if (!s->table)
        return NULL;
    size_t mask = s->mask, perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        SetEntry *e = &s->table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (IS_UNUSED(e))
                return NULL;
            if (e->hash == hash && IS_ACTIVE(e)) {
                int r = entry_matches(s, e, key);
                if (r < 0) {
                    *err = -1;
                    return NULL;
                }
                if (r == 2)
                    goto restart;
                if (r)
                    return e;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static void fill_slot(SetEntry *e, Value key, int64_t hash)
{
    e->key = key;
    e->hash = hash;
}

/* Add key unless present; reuses the first deleted slot on its probe
 * path, as CPython does. */
static int add_entry(SetObj *s, Value key, int64_t hash)
{
    if (ensure_table(s) < 0)
        return -1;
restart:;
    size_t mask = s->mask, perturb = (size_t)hash, i = (size_t)hash & mask;
    SetEntry *freeslot = NULL;
    for (;;) {
        SetEntry *e = &s->table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (IS_UNUSED(e)) {
                if (freeslot) {
                    fill_slot(freeslot, key, hash);
                    s->used++;
                    return 0;
                }
                fill_slot(e, key, hash);
                s->fill++;
                s->used++;
                return grow_after_insert(s);
            }
            if (e->hash == hash && IS_ACTIVE(e)) {
                int r = entry_matches(s, e, key);
                if (r < 0)
                    return -1;
                if (r == 2)
                    goto restart;
                if (r)
                    return 0;
            } else if (!IS_ACTIVE(e) && !freeslot) {
                freeslot = e;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static int discard_entry(SetObj *s, Value key, int64_t hash)
{
    int err;
    SetEntry *e = lookup(s, key, hash, &err);
    if (!e)
        return err;
    e->key = dummy_key;
    e->hash = -1;
    s->used--;
    return 1;
}

static int contains_entry(SetObj *s, Value key, int64_t hash)
{
    int err;
    SetEntry *e = lookup(s, key, hash, &err);
    return e ? 1 : err;
}

static int hash_of(Value key, int64_t *out)
{
    if (IS_TYPE(key, str_type)) {
        *out = str_hash((StrObj *)AS_OBJ(key));
        return 0;
    }
    return obj_hash(key, out);
}

/* The next active entry at or after *pos. */
static SetEntry *next_entry(SetObj *s, size_t *pos)
{
    while (s->table && *pos <= s->mask) {
        SetEntry *e = &s->table[(*pos)++];
        if (IS_ACTIVE(e))
            return e;
    }
    return NULL;
}

/* ---- the C API ---- */

static SetObj *set_alloc(void)
{
    SetObj *s = gc_alloc(&set_type, sizeof(SetObj));
    set_empty_table(s);
    return s;
}

SetObj *set_new(void)
{
    return set_alloc();
}

int set_add(SetObj *s, Value v)
{
    int64_t hash;
    if (hash_of(v, &hash) < 0)
        return -1;
    return add_entry(s, v, hash);
}

int set_contains(SetObj *s, Value v)
{
    int64_t hash;
    if (hash_of(v, &hash) < 0)
        return -1;
    return contains_entry(s, v, hash);
}

int set_discard(SetObj *s, Value v)
{
    int64_t hash;
    if (hash_of(v, &hash) < 0)
        return -1;
    return discard_entry(s, v, hash);
}

size_t set_len(SetObj *s)
{
    return s->used;
}

int set_next(SetObj *s, size_t *pos, Value *key)
{
    SetEntry *e = next_entry(s, pos);
    if (!e)
        return 0;
    *key = e->key;
    return 1;
}

/* Add every item of another set, copying the table layout outright when
 * this one is empty and the same size, as CPython's set_merge does. */
static int set_merge(SetObj *s, SetObj *o)
{
    if (o == s || o->used == 0)
        return 0;
    if ((s->fill + o->used) * 5 >= s->mask * 3 &&
        set_resize(s, (s->used + o->used) * 2) < 0)
        return -1;
    if (ensure_table(s) < 0)
        return -1;
    if (s->fill == 0 && s->mask == o->mask && o->fill == o->used) {
        for (size_t i = 0; i <= o->mask; i++)
            if (IS_ACTIVE(&o->table[i]))
                s->table[i] = o->table[i];
        s->fill = s->used = o->used;
        return 0;
    }
    if (s->fill == 0) {
        for (size_t i = 0; i <= o->mask; i++)
            if (IS_ACTIVE(&o->table[i]))
                insert_clean(s->table, s->mask, o->table[i].key,
                             o->table[i].hash);
        s->fill = s->used = o->used;
        return 0;
    }
    size_t pos = 0;
    SetEntry *e;
    while ((e = next_entry(o, &pos))) {
        SetEntry copy = *e;
        gc_root_push(&copy.key);
        int rc = add_entry(s, copy.key, copy.hash);
        gc_root_pop(1);
        if (rc < 0)
            return -1;
    }
    return 0;
}

static int update_from_dict(SetObj *s, DictObj *d)
{
    if ((s->fill + d->used) * 5 >= s->mask * 3 &&
        set_resize(s, (s->used + d->used) * 2) < 0)
        return -1;
    for (size_t i = 0; i < d->nentries; i++) {
        DictEntry e = d->entries[i];
        if (IS_NULL(e.key))
            continue;
        gc_root_push(&e.key);
        int rc = add_entry(s, e.key, e.hash);
        gc_root_pop(1);
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* set_add as an obj_foreach callback. */
static int add_item(Value v, void *s)
{
    return set_add(s, v);
}

int set_update(SetObj *s, Value iterable)
{
    if (IS_TYPE(iterable, set_type))
        return set_merge(s, (SetObj *)AS_OBJ(iterable));
    if (IS_TYPE(iterable, dict_type))
        return update_from_dict(s, (DictObj *)AS_OBJ(iterable));
    return obj_foreach(iterable, add_item, s);
}

SetObj *set_copy(SetObj *s)
{
    SetObj *r = set_alloc();
    Value rv = V_OBJ(r);
    gc_root_push(&rv);
    int rc = set_merge(r, s);
    gc_root_pop(1);
    return rc < 0 ? NULL : r;
}

SetObj *set_from_const_display(const Value *items, size_t n)
{
    SetObj *frozen = set_alloc();
    Value fv = V_OBJ(frozen);
    gc_root_push(&fv);
    SetObj *r = NULL;
    size_t i = 0;
    for (; i < n; i++)
        if (set_add(frozen, items[i]) < 0)
            break;
    if (i == n) {
        r = set_alloc();
        if (set_merge(r, frozen) < 0)
            r = NULL;
    }
    gc_root_pop(1);
    return r;
}

/* A new set from any iterable; NULL on error. */
static SetObj *set_from(Value iterable)
{
    SetObj *r = set_alloc();
    Value rv = V_OBJ(r);
    gc_root_push(&rv);
    int rc = set_update(r, iterable);
    gc_root_pop(1);
    return rc < 0 ? NULL : r;
}

/* ---- set algebra, in CPython's iteration orders ---- */

static SetObj *set_intersection(SetObj *s, Value other)
{
    if (IS_OBJ(other) && AS_OBJ(other) == &s->hdr)
        return set_copy(s);
    SetObj *r = set_alloc();
    Value rv = V_OBJ(r), it = V_NULL, v = V_NULL;
    gc_root_push(&rv);
    gc_root_push(&it);
    gc_root_push(&v);
    int rc = 0;
    if (IS_TYPE(other, set_type)) {
        SetObj *a = s, *b = (SetObj *)AS_OBJ(other);
        if (b->used > a->used) {
            SetObj *t = a;
            a = b;
            b = t;
        }
        /* Walk the smaller set b, testing membership in the larger a. */
        size_t pos = 0;
        SetEntry *e;
        while (rc == 0 && (e = next_entry(b, &pos))) {
            SetEntry copy = *e;
            v = copy.key;
            rc = contains_entry(a, copy.key, copy.hash);
            if (rc > 0)
                rc = add_entry(r, copy.key, copy.hash);
        }
    } else {
        it = obj_iter(other);
        rc = IS_NULL(it) ? -1 : 0;
        while (rc == 0) {
            v = obj_next(it);
            if (IS_NULL(v)) {
                rc = err_occurred() ? -1 : 0;
                break;
            }
            int64_t hash;
            rc = hash_of(v, &hash);
            if (rc == 0)
                rc = contains_entry(s, v, hash);
            if (rc > 0)
                rc = add_entry(r, v, hash);
        }
    }
    gc_root_pop(3);
    return rc < 0 ? NULL : r;
}

/* Replace s's table by r's (intersection_update and friends). */
static void swap_bodies(SetObj *s, SetObj *r)
{
    SetObj tmp = *s;
    s->fill = r->fill;
    s->used = r->used;
    s->mask = r->mask;
    s->table = r->table;
    s->finger = 0;
    r->fill = tmp.fill;
    r->used = tmp.used;
    r->mask = tmp.mask;
    r->table = tmp.table;
}

/* set_discard as an obj_foreach callback. */
static int discard_item(Value v, void *s)
{
    return set_discard(s, v) < 0 ? -1 : 0;
}

static int set_difference_update(SetObj *s, Value other)
{
    if (IS_OBJ(other) && AS_OBJ(other) == &s->hdr) {
        free_table(s);
        return 0;
    }
    Value keep = other;
    gc_root_push(&keep);
    int rc = 0;
    if (IS_TYPE(other, set_type)) {
        SetObj *o = (SetObj *)AS_OBJ(other);
        /* When other is much larger, walk only the common items. */
        if ((o->used >> 3) > s->used) {
            o = set_intersection(s, other);
            keep = o ? V_OBJ(o) : V_NULL;
        }
        size_t pos = 0;
        SetEntry *e;
        while (o && (e = next_entry(o, &pos)))
            if ((rc = discard_entry(s, e->key, e->hash)) < 0)
                break;
        rc = o ? (rc < 0 ? -1 : 0) : -1;
    } else {
        rc = obj_foreach(other, discard_item, s);
    }
    gc_root_pop(1);
    if (rc < 0)
        return -1;
    /* Purge the dummies once they are more than a quarter of the table. */
    if (s->fill - s->used <= s->mask / 4)
        return 0;
    return set_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

static SetObj *copy_and_difference(SetObj *s, Value other)
{
    SetObj *r = set_copy(s);
    if (!r)
        return NULL;
    Value rv = V_OBJ(r);
    gc_root_push(&rv);
    int rc = set_difference_update(r, other);
    gc_root_pop(1);
    return rc < 0 ? NULL : r;
}

static SetObj *set_difference(SetObj *s, Value other)
{
    size_t osize;
    if (IS_TYPE(other, set_type))
        osize = ((SetObj *)AS_OBJ(other))->used;
    else if (IS_TYPE(other, dict_type))
        osize = ((DictObj *)AS_OBJ(other))->used;
    else
        return copy_and_difference(s, other);
    if ((s->used >> 2) > osize)
        return copy_and_difference(s, other);
    SetObj *r = set_alloc();
    Value rv = V_OBJ(r);
    gc_root_push(&rv);
    size_t pos = 0;
    SetEntry *e;
    int rc = 0;
    while (rc >= 0 && (e = next_entry(s, &pos))) {
        SetEntry copy = *e;
        gc_root_push(&copy.key);
        if (IS_TYPE(other, set_type))
            rc = contains_entry((SetObj *)AS_OBJ(other), copy.key, copy.hash);
        else
            rc = dict_contains((DictObj *)AS_OBJ(other), copy.key);
        if (rc == 0)
            rc = add_entry(r, copy.key, copy.hash);
        gc_root_pop(1);
    }
    gc_root_pop(1);
    return rc < 0 ? NULL : r;
}

static int set_symmetric_difference_update(SetObj *s, Value other)
{
    if (IS_OBJ(other) && AS_OBJ(other) == &s->hdr) {
        free_table(s);
        return 0;
    }
    SetObj *o = IS_TYPE(other, set_type) ? (SetObj *)AS_OBJ(other)
                                         : set_from(other);
    if (!o)
        return -1;
    Value ov = V_OBJ(o);
    gc_root_push(&ov);
    size_t pos = 0;
    SetEntry *e;
    int rc = 0;
    while (rc >= 0 && (e = next_entry(o, &pos))) {
        SetEntry copy = *e;
        gc_root_push(&copy.key);
        rc = discard_entry(s, copy.key, copy.hash);
        if (rc == 0)
            rc = add_entry(s, copy.key, copy.hash);
        gc_root_pop(1);
    }
    gc_root_pop(1);
    return rc < 0 ? -1 : 0;
}

/* CPython builds the result from other, then folds s into it. */
static SetObj *set_symmetric_difference(SetObj *s, Value other)
{
    SetObj *r = set_from(other);
    if (!r)
        return NULL;
    Value rv = V_OBJ(r);
    gc_root_push(&rv);
    int rc = set_symmetric_difference_update(r, V_OBJ(s));
    gc_root_pop(1);
    return rc < 0 ? NULL : r;
}

/* s <= o for two sets: 1, 0 or -1. */
static int set_issubset(SetObj *s, SetObj *o)
{
    if (s->used > o->used)
        return 0;
    size_t pos = 0;
    SetEntry *e;
    while ((e = next_entry(s, &pos))) {
        SetEntry copy = *e;
        gc_root_push(&copy.key);
        int r = contains_entry(o, copy.key, copy.hash);
        gc_root_pop(1);
        if (r <= 0)
            return r;
    }
    return 1;
}

/* ---- type slots ---- */

static void set_trace(Obj *self)
{
    SetObj *s = (SetObj *)self;
    for (size_t i = 0; s->table && i <= s->mask; i++)
        if (IS_ACTIVE(&s->table[i]))
            gc_mark_value(s->table[i].key);
}

static void set_finalize(Obj *self)
{
    free_table((SetObj *)self);
}

static Value set_repr(Value self)
{
    SetObj *s = (SetObj *)AS_OBJ(self);
    if (s->used == 0)
        return V_OBJ(str_from_cstr("set()"));
    int g = list_repr_enter(&s->hdr);
    if (g != 0)
        return g < 0 ? V_NULL : V_OBJ(str_from_cstr("set(...)"));
    StrBuf b;
    str_buf_init(&b);
    str_buf_putc(&b, '{');
    size_t pos = 0;
    SetEntry *e;
    int first = 1;
    while ((e = next_entry(s, &pos))) {
        Value k = e->key;
        gc_root_push(&k);
        Value r = obj_repr(k);
        gc_root_pop(1);
        if (IS_NULL(r)) {
            str_buf_free(&b);
            list_repr_leave(&s->hdr);
            return V_NULL;
        }
        if (!first)
            str_buf_puts(&b, ", ");
        first = 0;
        StrObj *rs = (StrObj *)AS_OBJ(r);
        str_buf_put(&b, rs->data, rs->nbytes);
    }
    str_buf_putc(&b, '}');
    list_repr_leave(&s->hdr);
    return V_OBJ(str_buf_finish(&b));
}

static Value set_richcmp(Value a, Value b, int op)
{
    if (!IS_TYPE(b, set_type))
        return V_NOTIMPL;
    SetObj *x = (SetObj *)AS_OBJ(a), *y = (SetObj *)AS_OBJ(b);
    int r;
    switch (op) {
    case CMP_EQ:
    case CMP_NE:
        r = x->used == y->used ? set_issubset(x, y) : 0;
        if (r >= 0 && op == CMP_NE)
            r = !r;
        break;
    case CMP_LE: r = set_issubset(x, y); break;
    case CMP_GE: r = set_issubset(y, x); break;
    case CMP_LT: r = x->used < y->used ? set_issubset(x, y) : 0; break;
    default: r = x->used > y->used ? set_issubset(y, x) : 0; break;
    }
    return r < 0 ? V_NULL : V_BOOL(r);
}

static Value result(SetObj *r)
{
    return r ? V_OBJ(r) : V_NULL;
}

static Value set_union_with(SetObj *s, Value other)
{
    SetObj *r = set_copy(s);
    if (!r)
        return V_NULL;
    Value rv = V_OBJ(r);
    gc_root_push(&rv);
    int rc = set_update(r, other);
    gc_root_pop(1);
    return rc < 0 ? V_NULL : rv;
}

static Value set_inplace(Value a, Value b, int op)
{
    SetObj *s = (SetObj *)AS_OBJ(a);
    int rc;
    switch (op) {
    case BOP_OR: rc = set_update(s, b); break;
    case BOP_SUB: rc = set_difference_update(s, b); break;
    case BOP_XOR: rc = set_symmetric_difference_update(s, b); break;
    default: {
        SetObj *r = set_intersection(s, b);
        if (!r)
            return V_NULL;
        swap_bodies(s, r);
        rc = 0;
    }
    }
    return rc < 0 ? V_NULL : a;
}

/* The operators take sets only; the methods take any iterable. */
static Value set_binop(Value a, Value b, int op)
{
    int base = op & ~BOP_INPLACE;
    if (!IS_TYPE(b, set_type) ||
        (base != BOP_OR && base != BOP_AND && base != BOP_SUB &&
         base != BOP_XOR))
        return V_NOTIMPL;
    if (op & BOP_INPLACE)
        return set_inplace(a, b, base);
    SetObj *s = (SetObj *)AS_OBJ(a);
    switch (base) {
    case BOP_OR: return set_union_with(s, b);
    case BOP_AND: return result(set_intersection(s, b));
    case BOP_SUB: return result(set_difference(s, b));
    default: return result(set_symmetric_difference(s, b));
    }
}

static int64_t set_len_slot(Value self)
{
    return (int64_t)((SetObj *)AS_OBJ(self))->used;
}

static int set_contains_slot(Value self, Value item)
{
    return set_contains((SetObj *)AS_OBJ(self), item);
}

static Value set_iter(Value self)
{
    SetIterObj *it = gc_alloc(&set_iter_type, sizeof *it);
    it->s = (SetObj *)AS_OBJ(self);
    it->used = it->s->used;
    return V_OBJ(it);
}

static Value set_new_slot(Value type, Value *args, int nargs,
                          TupleObj *kwnames)
{
    (void)type;
    if (args_no_kw("set", kwnames) < 0 || args_count("set", nargs, 0, 1) < 0)
        return V_NULL;
    if (nargs == 0)
        return V_OBJ(set_alloc());
    return result(set_from(args[0]));
}

/* ---- methods ---- */

#define SELF ((SetObj *)AS_OBJ(args[0]))

static int check(const char *name, int nargs, TupleObj *kwnames, int min,
                 int max)
{
    return args_no_kw(name, kwnames) < 0 ||
                   args_count(name, nargs - 1, min, max) < 0
               ? -1 : 0;
}

static Value set_add_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &set_type, "add") < 0)
        return V_NULL;
    if (check("set.add", nargs, kwnames, 1, 1) < 0 ||
        set_add(SELF, args[1]) < 0)
        return V_NULL;
    return V_NONE;
}

static Value set_discard_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &set_type, "discard") < 0)
        return V_NULL;
    if (check("set.discard", nargs, kwnames, 1, 1) < 0 ||
        set_discard(SELF, args[1]) < 0)
        return V_NULL;
    return V_NONE;
}

static Value set_remove_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &set_type, "remove") < 0)
        return V_NULL;
    if (check("set.remove", nargs, kwnames, 1, 1) < 0)
        return V_NULL;
    int r = set_discard(SELF, args[1]);
    if (r < 0)
        return V_NULL;
    return r ? V_NONE : err_set_obj(&exc_KeyError, args[1]);
}

static Value set_pop_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &set_type, "pop") < 0)
        return V_NULL;
    if (check("set.pop", nargs, kwnames, 0, 0) < 0)
        return V_NULL;
    SetObj *s = SELF;
    if (s->used == 0)
        return err_set(&exc_KeyError, "pop from an empty set");
    size_t i = s->finger & s->mask;
    while (!IS_ACTIVE(&s->table[i]))
        i = (i + 1) & s->mask;
    Value key = s->table[i].key;
    s->table[i].key = dummy_key;
    s->table[i].hash = -1;
    s->used--;
    s->finger = i + 1;
    return key;
}

static Value set_clear_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &set_type, "clear") < 0)
        return V_NULL;
    if (check("set.clear", nargs, kwnames, 0, 0) < 0)
        return V_NULL;
    free_table(SELF);
    return V_NONE;
}

static Value set_copy_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &set_type, "copy") < 0)
        return V_NULL;
    if (check("set.copy", nargs, kwnames, 0, 0) < 0)
        return V_NULL;
    return result(set_copy(SELF));
}

static Value set_update_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &set_type, "update") < 0)
        return V_NULL;
    if (args_no_kw("set.update", kwnames) < 0)
        return V_NULL;
    for (int i = 1; i < nargs; i++)
        if (set_update(SELF, args[i]) < 0)
            return V_NULL;
    return V_NONE;
}

static Value set_union_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &set_type, "union") < 0)
        return V_NULL;
    if (args_no_kw("set.union", kwnames) < 0)
        return V_NULL;
    SetObj *r = set_copy(SELF);
    if (!r)
        return V_NULL;
    Value rv = V_OBJ(r);
    gc_root_push(&rv);
    for (int i = 1; i < nargs && !IS_NULL(rv); i++)
        if (set_update(r, args[i]) < 0)
            rv = V_NULL;
    gc_root_pop(1);
    return rv;
}

/* intersection(*others): fold left, each step a fresh set. */
static SetObj *intersection_multi(SetObj *s, Value *others, int n)
{
    if (n == 0)
        return set_copy(s);
    Value acc = V_OBJ(s);
    gc_root_push(&acc);
    for (int i = 0; i < n && !IS_NULL(acc); i++) {
        SetObj *r = set_intersection((SetObj *)AS_OBJ(acc), others[i]);
        acc = r ? V_OBJ(r) : V_NULL;
    }
    gc_root_pop(1);
    return IS_NULL(acc) ? NULL : (SetObj *)AS_OBJ(acc);
}

static Value set_intersection_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &set_type, "intersection") < 0)
        return V_NULL;
    if (args_no_kw("set.intersection", kwnames) < 0)
        return V_NULL;
    return result(intersection_multi(SELF, args + 1, nargs - 1));
}

static Value set_intersection_update_m(Value *args, int nargs,
                                       TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &set_type, "intersection_update") < 0)
        return V_NULL;
    if (args_no_kw("set.intersection_update", kwnames) < 0)
        return V_NULL;
    SetObj *r = intersection_multi(SELF, args + 1, nargs - 1);
    if (!r)
        return V_NULL;
    swap_bodies(SELF, r);
    return V_NONE;
}

static Value set_difference_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &set_type, "difference") < 0)
        return V_NULL;
    if (args_no_kw("set.difference", kwnames) < 0)
        return V_NULL;
    if (nargs == 1)
        return result(set_copy(SELF));
    SetObj *r = set_difference(SELF, args[1]);
    if (!r)
        return V_NULL;
    Value rv = V_OBJ(r);
    gc_root_push(&rv);
    for (int i = 2; i < nargs && !IS_NULL(rv); i++)
        if (set_difference_update(r, args[i]) < 0)
            rv = V_NULL;
    gc_root_pop(1);
    return rv;
}

static Value set_difference_update_m(Value *args, int nargs,
                                     TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &set_type, "difference_update") < 0)
        return V_NULL;
    if (args_no_kw("set.difference_update", kwnames) < 0)
        return V_NULL;
    for (int i = 1; i < nargs; i++)
        if (set_difference_update(SELF, args[i]) < 0)
            return V_NULL;
    return V_NONE;
}

static Value set_symdiff_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &set_type, "symmetric_difference") < 0)
        return V_NULL;
    if (check("set.symmetric_difference", nargs, kwnames, 1, 1) < 0)
        return V_NULL;
    return result(set_symmetric_difference(SELF, args[1]));
}

static Value set_symdiff_update_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &set_type, "symmetric_difference_update") < 0)
        return V_NULL;
    if (check("set.symmetric_difference_update", nargs, kwnames, 1, 1) < 0 ||
        set_symmetric_difference_update(SELF, args[1]) < 0)
        return V_NULL;
    return V_NONE;
}

/* other as a set, converting iterables; *holder keeps a new one rooted. */
static SetObj *as_set(Value other, Value *holder)
{
    if (IS_TYPE(other, set_type))
        return (SetObj *)AS_OBJ(other);
    SetObj *o = set_from(other);
    *holder = o ? V_OBJ(o) : V_NULL;
    return o;
}

static Value set_issubset_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &set_type, "issubset") < 0)
        return V_NULL;
    if (check("set.issubset", nargs, kwnames, 1, 1) < 0)
        return V_NULL;
    Value holder = V_NULL;
    gc_root_push(&holder);
    SetObj *o = as_set(args[1], &holder);
    int r = o ? set_issubset(SELF, o) : -1;
    gc_root_pop(1);
    return r < 0 ? V_NULL : V_BOOL(r);
}

static Value set_issuperset_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &set_type, "issuperset") < 0)
        return V_NULL;
    if (check("set.issuperset", nargs, kwnames, 1, 1) < 0)
        return V_NULL;
    Value holder = V_NULL;
    gc_root_push(&holder);
    SetObj *o = as_set(args[1], &holder);
    int r = o ? set_issubset(o, SELF) : -1;
    gc_root_pop(1);
    return r < 0 ? V_NULL : V_BOOL(r);
}

static Value set_isdisjoint_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (list_check_self(args, nargs, &set_type, "isdisjoint") < 0)
        return V_NULL;
    if (check("set.isdisjoint", nargs, kwnames, 1, 1) < 0)
        return V_NULL;
    Value holder = V_NULL;
    gc_root_push(&holder);
    SetObj *o = as_set(args[1], &holder);
    SetObj *small = o, *big = SELF;
    if (o && o->used > big->used) {
        small = big;
        big = o;
    }
    int r = o ? 1 : -1;
    size_t pos = 0;
    SetEntry *e;
    while (r == 1 && (e = next_entry(small, &pos))) {
        SetEntry copy = *e;
        gc_root_push(&copy.key);
        int c = contains_entry(big, copy.key, copy.hash);
        gc_root_pop(1);
        r = c < 0 ? -1 : !c;
    }
    gc_root_pop(1);
    return r < 0 ? V_NULL : V_BOOL(r);
}

#undef SELF

static const MethodDef set_methods[] = {
    {"add", set_add_m, NATIVE_METHOD},
    {"discard", set_discard_m, NATIVE_METHOD},
    {"remove", set_remove_m, NATIVE_METHOD},
    {"pop", set_pop_m, NATIVE_METHOD},
    {"clear", set_clear_m, NATIVE_METHOD},
    {"copy", set_copy_m, NATIVE_METHOD},
    {"update", set_update_m, NATIVE_METHOD},
    {"union", set_union_m, NATIVE_METHOD},
    {"intersection", set_intersection_m, NATIVE_METHOD},
    {"intersection_update", set_intersection_update_m, NATIVE_METHOD},
    {"difference", set_difference_m, NATIVE_METHOD},
    {"difference_update", set_difference_update_m, NATIVE_METHOD},
    {"symmetric_difference", set_symdiff_m, NATIVE_METHOD},
    {"symmetric_difference_update", set_symdiff_update_m, NATIVE_METHOD},
    {"issubset", set_issubset_m, NATIVE_METHOD},
    {"issuperset", set_issuperset_m, NATIVE_METHOD},
    {"isdisjoint", set_isdisjoint_m, NATIVE_METHOD},
    {NULL, NULL, 0},
};

TypeObj set_type = {
    TYPE_OBJ_HEAD,
    .name = "set",
    .base = &object_type,
    /* Not TF_BASETYPE: a script subclass would get InstanceObj-sized
     * instances that these slots would read as set objects, so the class
     * statement reports "not an acceptable base type" instead. */
    .instance_size = sizeof(SetObj),
    .trace = set_trace,
    .finalize = set_finalize,
    .repr = set_repr,
    .richcmp = set_richcmp,
    .binop = set_binop,
    .iter = set_iter,
    .len = set_len_slot,
    .contains = set_contains_slot,
    .new_ = set_new_slot,
};

static void set_iter_trace(Obj *self)
{
    gc_mark_obj((Obj *)((SetIterObj *)self)->s);
}

static Value set_iter_next(Value self)
{
    SetIterObj *it = (SetIterObj *)AS_OBJ(self);
    if (!it->s)
        return V_NULL;
    if (it->s->used != it->used) {
        it->used = (size_t)-1;
        return err_set(&exc_RuntimeError, "Set changed size during iteration");
    }
    SetEntry *e = next_entry(it->s, &it->pos);
    if (e)
        return e->key;
    it->s = NULL;
    return V_NULL;
}

static TypeObj set_iter_type = {
    TYPE_OBJ_HEAD,
    .name = "set_iterator",
    .base = &object_type,
    .instance_size = sizeof(SetIterObj),
    .trace = set_iter_trace,
    .iter = obj_iter_self,
    .next = set_iter_next,
};

void set_init(void)
{
    type_add_methods(&set_type, set_methods);
    type_register_static(&set_iter_type);
}
