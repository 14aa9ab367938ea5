/* breaker.h - the eval breaker: one atomic word the dispatch loop tests
 * before every instruction.
 *
 * Each bit asks the interpreter to leave the fast path at the next
 * instruction boundary.  Writers: the C signal handler (EB_SIGNALS, any
 * thread, async-signal-safe), a thread waiting for the GIL (EB_GIL_DROP),
 * the allocator (EB_GC), tracing/injection (EB_TRACE).  The loop reads it
 * with one relaxed load: a bit set a moment late is seen at the next
 * instruction, which is all the semantics promise, and the slow path
 * re-reads the underlying flags with stronger ordering before acting.
 */
#ifndef SIGVM_BREAKER_H
#define SIGVM_BREAKER_H

#include <stdatomic.h>
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

static inline void eb_set(uint32_t bits)
{
    atomic_fetch_or_explicit(&eb_word, bits, memory_order_relaxed);
}

static inline void eb_clear(uint32_t bits)
{
    atomic_fetch_and_explicit(&eb_word, ~bits, memory_order_relaxed);
}

static inline uint32_t eb_load(void)
{
    return atomic_load_explicit(&eb_word, memory_order_relaxed);
}

#endif
