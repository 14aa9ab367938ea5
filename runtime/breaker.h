/* breaker.h - the eval breaker: one atomic word the dispatch loop tests
 * before every instruction.
 *
 * Each bit asks the interpreter to leave the fast path at the next
 * instruction boundary.  Writers: the C signal handler (EB_SIGNALS, any
 * thread, async-signal-safe), a thread waiting for the GIL (EB_GIL_DROP),
 * the allocator (EB_GC), tracing/injection (EB_TRACE).  The loop tests it
 * with one relaxed load per instruction: of the word itself, or of the
 * dispatch table that eb_set and eb_clear switch with it (eb_table
 * below).  A bit set a moment late is seen at the next instruction, which
 * is all the semantics promise, and the slow path re-reads the word and
 * the underlying flags with stronger ordering before acting.  Everything
 * here is lock-free, so eb_set stays async-signal-safe.
 */
#ifndef SIGVM_BREAKER_H
#define SIGVM_BREAKER_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

enum {
    EB_SIGNALS = 1u << 0,   /* a signal tripped; main thread runs handlers */
    EB_GIL_DROP = 1u << 1,  /* another thread waits for the GIL */
    EB_GC = 1u << 2,        /* a collection is due */
    EB_ASYNC_EXC = 1u << 3, /* an exception was posted to a thread */
    EB_PENDING = 1u << 4,   /* pending calls (wakeup-fd error reports) */
    EB_TRACE = 1u << 5,     /* instruction counting for --inject / tracing */
};

/* Touched by the C signal handler (fetch_or, relaxed: the tripped flags it
 * guards are published with their own seq_cst store first), by every thread
 * holding the GIL, and by GIL waiters. */
extern _Atomic uint32_t eb_word;

/* The loop's per-instruction test, when it dispatches through a table
 * (vm/eval.c with computed gotos): the table it loads before every
 * instruction is eb_fast_table while eb_word is zero and eb_slow_table,
 * whose every entry is the breaker's slow path, otherwise.  So that one
 * load both tests the breaker and finds the instruction's code.  The VM
 * installs both tables at its first run (eb_install); until then eb_table
 * is NULL and only eb_word changes. */
typedef void *const *EbTable;
extern _Atomic(EbTable) eb_table;
extern _Atomic(EbTable) eb_fast_table, eb_slow_table;

/* Point eb_table at the table that matches eb_word.  Stores and loads
 * are sequentially consistent, so whichever of two racing eb_set and
 * eb_clear calls comes last leaves the slow table while a bit is set. */
static inline void eb_sync_table(void)
{
    EbTable slow = atomic_load(&eb_slow_table);
    if (slow == NULL)
        return;
    if (atomic_load(&eb_word) != 0) {
        atomic_store(&eb_table, slow);
        return;
    }
    atomic_store(&eb_table, atomic_load(&eb_fast_table));
    if (atomic_load(&eb_word) != 0) /* set meanwhile */
        atomic_store(&eb_table, slow);
}

static inline void eb_set(uint32_t bits)
{
    atomic_fetch_or(&eb_word, bits);
    EbTable slow = atomic_load(&eb_slow_table);
    if (slow != NULL)
        atomic_store(&eb_table, slow);
}

static inline void eb_clear(uint32_t bits)
{
    if ((atomic_fetch_and(&eb_word, ~bits) & ~bits) == 0)
        eb_sync_table();
}

/* The VM's tables: once, before its loop dispatches through eb_table. */
static inline void eb_install(EbTable fast, EbTable slow)
{
    atomic_store(&eb_fast_table, fast);
    atomic_store(&eb_slow_table, slow);
    eb_sync_table();
}

static inline uint32_t eb_load(void)
{
    return atomic_load_explicit(&eb_word, memory_order_relaxed);
}

#endif
