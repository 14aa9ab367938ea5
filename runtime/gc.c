/* gc.c - the non-moving mark-and-sweep collector.
 *
 * Small objects live in size-class slabs that the sweep walks in address
 * order; larger ones are linked into one list.  A collection marks from
 * the roots with an explicit gray stack (so a list nested a million deep
 * costs heap, not C stack), then sweeps both, finalizing and freeing
 * whatever stayed white.
 *
 * Objects that live in static storage (the builtin type objects, the
 * singletons, frames the VM keeps in its own pool) are in neither.  They
 * are marked and traced like any other object.  A mark is the number of
 * the collection that made it (gc.h), so a static object marked in one
 * collection looks unmarked in the next without anything clearing it, and
 * the sweep only reads the survivors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/breaker.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/tstate.h"

/* The first collection is due after this many bytes, and the threshold
 * never drops below it, so short scripts rarely collect at all. */
#define GC_MIN_THRESHOLD ((size_t)8 << 20)

typedef struct ObjVec {
    Obj **items;
    size_t n, cap;
} ObjVec;

static Obj *all_objects;
static size_t block_bytes;     /* bytes in the blocks on the list */
static size_t external_bytes;  /* owned memory reported by gc_account */
static size_t nobjects;        /* blocks on the list */
static size_t since_collect;   /* bytes allocated since the last collection */
static size_t threshold = GC_MIN_THRESHOLD;
static int enabled = 1;

static ObjVec gray;            /* objects marked but not yet traced */
uint32_t gc_epoch = 1;         /* the number of the current collection */

static GcRootFn *root_fns;
static size_t nroot_fns, root_fns_cap;

static Value **temp_roots;     /* the C temporary root stack */
static size_t ntemp_roots, temp_roots_cap;

static void vec_push(ObjVec *v, Obj *o)
{
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 1024;
        Obj **items = realloc(v->items, cap * sizeof *items);
        if (!items) {
            /* Nothing can be reported in the middle of a collection. */
            fputs("sigvm: out of memory during garbage collection\n", stderr);
            abort();
        }
        v->items = items;
        v->cap = cap;
    }
    v->items[v->n++] = o;
}

/* Bring the pacing counters up to date and ask the interpreter, through
 * the eval breaker, to collect at its next instruction boundary. */
static __attribute__((noinline)) void note_allocation(size_t size)
{
    since_collect += size;
    if (since_collect >= threshold && enabled)
        eb_set(EB_GC);
}

/* ---- Small-object pools ----------------------------------------------
 *
 * Most objects are small and short-lived (instances, their dicts, frames
 * of closures, exceptions, strings), and a sweep frees thousands of them
 * at once: more than malloc's per-thread caches hold, so every allocation
 * after a collection used to go through malloc's slow paths.  Blocks of up
 * to POOL_MAX bytes therefore come from per-size-class free lists,
 * refilled by carving slabs.  Classes are 8 bytes apart: string sizes
 * spread evenly, and 16-byte classes rounded a 56-byte string or a 72-byte
 * slice up by 8 bytes.  Slabs are carved lazily (a bump pointer), so an
 * idle class costs no pages.  Objects do not move: a block is reused only
 * after the sweep found it unreachable.
 *
 * Objects and raw memory (gc_raw_alloc) have pools of their own, because
 * the sweep walks the object slabs block by block, in address order: a
 * block there is either an object (gc_size != 0) or free (gc_size 0).
 * Walking memory in order, rather than a list threaded through the heap
 * in allocation order, keeps the sweep sequential, and the free lists it
 * rebuilds come out in address order too, so the next allocations fill
 * memory sequentially instead of hopping between scattered holes.
 *
 * Under AddressSanitizer every block comes from calloc and goes back to
 * free, so use-after-free of a collected object is still reported. */
#if defined(__SANITIZE_ADDRESS__)
#define POOL_ENABLED 0
#else
#define POOL_ENABLED 1
#endif
#define POOL_GRAIN 8
#define POOL_MAX 256
#define POOL_NCLASSES (POOL_MAX / POOL_GRAIN)
#define POOL_SLAB ((size_t)32 << 10)

typedef struct PoolFree {
    struct PoolFree *next;
} PoolFree;

typedef struct Pool {
    PoolFree *free;    /* free blocks of this class */
    char *bump, *end;  /* the uncarved rest of the newest slab */
    char **slabs;      /* object pools: every slab, the newest last */
    size_t nslabs, slabs_cap;
} Pool;

static Pool obj_pools[POOL_NCLASSES + 1], raw_pools[POOL_NCLASSES + 1];

static inline size_t pool_class(size_t size)
{
    return (size + POOL_GRAIN - 1) / POOL_GRAIN;
}

static void *pool_refill(Pool *p, size_t bsize, int keep)
{
    if (keep && p->nslabs == p->slabs_cap) {
        size_t cap = p->slabs_cap ? p->slabs_cap * 2 : 16;
        char **slabs = realloc(p->slabs, cap * sizeof *slabs);
        if (!slabs)
            return NULL;
        p->slabs = slabs;
        p->slabs_cap = cap;
    }
    char *slab = malloc(POOL_SLAB);
    if (!slab)
        return NULL;
    if (keep)
        p->slabs[p->nslabs++] = slab;
    p->bump = slab + bsize;
    p->end = slab + POOL_SLAB - POOL_SLAB % bsize;
    return slab;
}

/* An uninitialised block for size <= POOL_MAX, or NULL when out of
 * memory. */
static inline void *pool_alloc(Pool *pools, size_t size, int keep)
{
    size_t c = pool_class(size), bsize = c * POOL_GRAIN;
    Pool *p = &pools[c];
    void *b;
    if (p->free) {
        b = p->free;
        p->free = p->free->next;
    } else if (p->bump < p->end) {
        b = p->bump;
        p->bump += bsize;
    } else if (!(b = pool_refill(p, bsize, keep))) {
        return NULL;
    }
    return b;
}

void *gc_raw_alloc(size_t size)
{
    if (POOL_ENABLED && size <= POOL_MAX)
        return pool_alloc(raw_pools, size, 0);
    return malloc(size);
}

void gc_raw_free(void *p, size_t size)
{
    if (p == NULL)
        return;
    if (POOL_ENABLED && size <= POOL_MAX) {
        Pool *pool = &raw_pools[pool_class(size)];
        PoolFree *f = p;
        f->next = pool->free;
        pool->free = f;
    } else {
        free(p);
    }
}

static Obj *init_header(Obj *o, TypeObj *type, size_t size)
{
    o->type = type;
    o->gc_mark = 0;
    o->gc_size = size > UINT32_MAX ? UINT32_MAX : (uint32_t)size;
    block_bytes += o->gc_size;
    nobjects++;
    note_allocation(size);
    return o;
}

/* alloc_block when the class needs a new slab, or for a large object
 * (on the all_objects list); kept out of line so that the common path
 * needs few registers. */
static __attribute__((noinline)) Obj *alloc_block_slow(TypeObj *type,
                                                       size_t size, int zero)
{
    Obj *o;
    if (POOL_ENABLED && size <= POOL_MAX) {
        o = pool_alloc(obj_pools, size, 1);
        if (!o)
            return NULL;
        if (zero)
            memset(o, 0, size);
    } else {
        o = zero ? calloc(1, size) : malloc(size);
        if (!o)
            return NULL;
        o->gc_next = all_objects;
        all_objects = o;
    }
    return init_header(o, type, size);
}

/* A new object, zeroed after the header unless `zero` is 0 (the caller
 * then fills in everything itself).  Pooled objects are found by the
 * sweep's walk of the slabs; the others go on the all_objects list. */
static inline Obj *alloc_block(TypeObj *type, size_t size, int zero)
{
    if (POOL_ENABLED && size <= POOL_MAX) {
        size_t c = pool_class(size);
        Pool *p = &obj_pools[c];
        Obj *o = (Obj *)p->free;
        if (o) {
            p->free = p->free->next;
        } else if (p->bump < p->end) {
            o = (Obj *)p->bump;
            p->bump += c * POOL_GRAIN;
        }
        if (o) {
            if (zero)
                memset(o, 0, size);
            o->type = type;
            o->gc_mark = 0;
            o->gc_size = (uint32_t)size;
            block_bytes += size;
            nobjects++;
            since_collect += size;
            if (since_collect >= threshold)
                note_allocation(0);
            return o;
        }
    }
    return alloc_block_slow(type, size, zero);
}

void *gc_alloc(TypeObj *type, size_t size)
{
    Obj *o = alloc_block(type, size, 1);
    if (!o) {
        fputs("sigvm: out of memory\n", stderr);
        abort();
    }
    return o;
}

void *gc_alloc_or_null(TypeObj *type, size_t size)
{
    Obj *o = alloc_block(type, size, 1);
    if (!o)
        err_no_memory();
    return o;
}

void *gc_alloc_uninit(TypeObj *type, size_t size)
{
    Obj *o = alloc_block(type, size, 0);
    if (!o)
        err_no_memory();
    return o;
}

void gc_account(ptrdiff_t delta_bytes)
{
    if (delta_bytes >= 0) {
        external_bytes += (size_t)delta_bytes;
        note_allocation((size_t)delta_bytes);
    } else {
        size_t d = (size_t)-delta_bytes;
        external_bytes = external_bytes > d ? external_bytes - d : 0;
    }
}

void gc_mark_obj_slow(Obj *o)
{
    o->gc_mark = gc_epoch;
    /* A leaf (a str, a float box) whose type is already marked has nothing
     * left to trace: skipping the gray stack saves a push and a pop for
     * most of a heap of strings. */
    TypeObj *t = o->type;
    if (t && !t->trace && ((Obj *)t)->gc_mark == gc_epoch)
        return;
    vec_push(&gray, o);
}

/* Trace gray objects until none are left.  A type is itself an object, so
 * marking an instance keeps its class (and the class's dict) alive. */
static void drain_gray(void)
{
    while (gray.n > 0) {
        Obj *o = gray.items[--gray.n];
        gc_mark_obj((Obj *)o->type);
        if (o->type && o->type->trace)
            o->type->trace(o);
    }
}

void gc_register_roots(GcRootFn fn)
{
    if (nroot_fns == root_fns_cap) {
        size_t cap = root_fns_cap ? root_fns_cap * 2 : 16;
        GcRootFn *fns = realloc(root_fns, cap * sizeof *fns);
        if (!fns)
            abort();
        root_fns = fns;
        root_fns_cap = cap;
    }
    root_fns[nroot_fns++] = fn;
}

/* C temporaries live on the current thread's own stack (tstate.h says
 * why); the shared one only serves code that runs before any thread
 * state exists. */
void gc_root_push(Value *slot)
{
    ThreadState *ts = ts_current;
    Value ***items = ts ? &ts->roots : &temp_roots;
    size_t *n = ts ? &ts->nroots : &ntemp_roots;
    size_t *cap = ts ? &ts->roots_cap : &temp_roots_cap;
    if (*n == *cap) {
        size_t newcap = *cap ? *cap * 2 : 64;
        Value **r = realloc(*items, newcap * sizeof *r);
        if (!r)
            abort();
        *items = r;
        *cap = newcap;
    }
    (*items)[(*n)++] = slot;
}

void gc_root_pop(int n)
{
    ThreadState *ts = ts_current;
    if (ts)
        ts->nroots -= (size_t)n;
    else
        ntemp_roots -= (size_t)n;
}

static void mark_thread_states(void)
{
    for (ThreadState *ts = ts_first(); ts; ts = ts->next) {
        gc_mark_value(ts->exc);
        gc_mark_value(ts->handled);
        gc_mark_obj((Obj *)ts->frame);
        for (size_t i = 0; i < ts->nroots; i++)
            gc_mark_value(*ts->roots[i]);
    }
}

static void mark_roots(void)
{
    for (size_t i = 0; i < nroot_fns; i++) {
        root_fns[i]();
        drain_gray();
    }
    for (size_t i = 0; i < ntemp_roots; i++)
        gc_mark_value(*temp_roots[i]);
    mark_thread_states();
    drain_gray();
}

static void finalize(Obj *o)
{
    if (o->type && o->type->finalize)
        o->type->finalize(o);
}

/* Sweep one class of object slabs, in address order: finalize the white
 * objects and rebuild the class's free list from every free block; the
 * survivors are only read.  Returns the bytes kept. */
static size_t sweep_pool(Pool *p, size_t bsize)
{
    size_t kept = 0;
    PoolFree *head = NULL, **tail = &head;
    for (size_t k = 0; k < p->nslabs; k++) {
        char *b = p->slabs[k];
        char *end = k + 1 == p->nslabs ? p->bump
                                       : b + POOL_SLAB - POOL_SLAB % bsize;
        for (; b < end; b += bsize) {
            Obj *o = (Obj *)b;
            if (o->gc_size != 0) {
                if (o->gc_mark == gc_epoch) {
                    kept += o->gc_size;
                    continue;
                }
                finalize(o);
                o->gc_size = 0;
                nobjects--;
            }
            *tail = (PoolFree *)b;
            tail = &((PoolFree *)b)->next;
        }
    }
    *tail = NULL;
    p->free = head;
    return kept;
}

/* Free every white object; returns the bytes kept. */
static size_t sweep(void)
{
    size_t kept = 0;
    if (POOL_ENABLED)
        for (size_t c = 1; c <= POOL_NCLASSES; c++)
            kept += sweep_pool(&obj_pools[c], c * POOL_GRAIN);
    Obj **link = &all_objects;
    while (*link) {
        Obj *o = *link;
        if (o->gc_mark == gc_epoch) {
            kept += o->gc_size;
            link = &o->gc_next;
        } else {
            *link = o->gc_next;
            nobjects--;
            finalize(o);
            free(o);
        }
    }
    return kept;
}

void gc_collect(void)
{
    /* A new number makes every object unmarked at once.  It would come
     * round to a stale mark only after 2^32 collections. */
    if (++gc_epoch == 0)
        gc_epoch = 1;
    mark_roots();
    block_bytes = sweep();
    since_collect = 0;
    /* Collect again after allocating one and a half times what survived:
     * the cost of collecting stays proportional to allocation, and a heap
     * peaking at 2.5 times its live data collects a third less often than
     * one peaking at twice (strings: 13 collections -> 10). */
    size_t live = gc_live_bytes(), next = live + live / 2;
    threshold = next > GC_MIN_THRESHOLD ? next : GC_MIN_THRESHOLD;
    eb_clear(EB_GC);
}

void gc_collect_if_due(void)
{
    if (enabled && since_collect >= threshold)
        gc_collect();
    else
        eb_clear(EB_GC);
}

void gc_set_enabled(int on)
{
    enabled = on != 0;
    if (enabled && since_collect >= threshold)
        eb_set(EB_GC);
}

int gc_is_enabled(void)
{
    return enabled;
}

size_t gc_live_bytes(void)
{
    return block_bytes + external_bytes;
}

size_t gc_object_count(void)
{
    return nobjects;
}
