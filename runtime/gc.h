/* gc.h - the non-moving mark-and-sweep collector with precise roots.
 *
 * Allocation never collects.  When the bytes allocated since the last
 * collection pass the threshold, gc_alloc sets the GC bit of the eval
 * breaker, and the interpreter collects at its next instruction boundary,
 * where every live value is on a frame's stack or in an object.  So C code
 * needs to root its temporaries (gc_root_push) only across calls that can
 * run script code (obj_call and everything that may call a dunder), because
 * a nested interpreter loop may collect.
 */
#ifndef SIGVM_GC_H
#define SIGVM_GC_H

#include <stddef.h>
#include <stdint.h>

#include "object.h"

/* Allocate a zeroed object of `size` bytes with the given type. Never
 * returns NULL: out of memory raises MemoryError where it can be reported
 * (gc_alloc_or_null) and aborts only when even that is impossible. */
void *gc_alloc(TypeObj *type, size_t size);
/* As gc_alloc but returns NULL with MemoryError set: for sizes a script
 * chooses (list of 10**10 items). */
void *gc_alloc_or_null(TypeObj *type, size_t size);
/* As gc_alloc_or_null but only the Obj header is initialised: for objects
 * (strings) whose caller writes every other byte anyway. */
void *gc_alloc_uninit(TypeObj *type, size_t size);
/* Account for memory an object owns outside its own block (list items,
 * dict tables), so collection is paced by the true volume. */
void gc_account(ptrdiff_t delta_bytes);

/* Memory an object owns outside its block (a dict's tables), from the
 * collector's small-block pools when it is small: the sweep frees such
 * memory in bursts, which malloc handles slowly.  gc_raw_alloc returns
 * uninitialised memory or NULL; gc_raw_free must get the size that was
 * allocated.  Neither accounts: call gc_account as for malloc'd memory. */
void *gc_raw_alloc(size_t size);
void gc_raw_free(void *p, size_t size);

/* Marking is inline up to the mark test, as most calls (from trace
 * functions walking big lists and dicts) find the object already marked
 * or a value that is not an object.  An object is marked when its gc_mark
 * holds the number of the current collection (never 0, which new objects
 * get), so no pass is needed to clear the marks afterwards. */
extern uint32_t gc_epoch;
void gc_mark_obj_slow(Obj *o); /* o not NULL and not yet marked */
static inline void gc_mark_obj(Obj *o) /* NULL is fine */
{
    if (o && o->gc_mark != gc_epoch)
        gc_mark_obj_slow(o);
}
static inline void gc_mark_value(Value v)
{
    if (v.tag == VT_OBJ)
        gc_mark_obj(v.as.o);
}

/* A root function marks a set of roots (module table, handler table,
 * every thread's frames); registered once at start-up. */
typedef void (*GcRootFn)(void);
void gc_register_roots(GcRootFn fn);

/* A small stack of C temporaries, for natives that call script code. */
void gc_root_push(Value *slot);
void gc_root_pop(int n);

void gc_collect(void);         /* full collection; call only at a safe point */
void gc_collect_if_due(void);  /* called from the eval breaker slow path */
void gc_set_enabled(int on);   /* gc.enable()/gc.disable() */
int gc_is_enabled(void);
size_t gc_live_bytes(void);

/* Added by the object core: objects allocated and not yet freed by a
 * collection (for tests and gc.get_count-like reporting). */
size_t gc_object_count(void);

#endif
