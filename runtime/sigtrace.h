/* sigtrace.h - recording signal arrivals and script-handler runs for
 * --trace-signals, --timeline and --inject.
 *
 * Three parties meet here:
 *
 *  - The C signal handler (signals.c) calls trc_record_arrival, which is
 *    async-signal-safe: it reserves a slot of a lock-free ring buffer with
 *    a compare-and-swap on the write index, fills the slot with plain
 *    stores (signal, thread, CLOCK_MONOTONIC time, what the thread was
 *    doing) and publishes it with a release store of the slot's sequence
 *    number.
 *
 *  - Every thread publishes what it is doing in thread-local variables the
 *    C handler reads when it interrupts that same thread: blk_call marks
 *    the time spent inside a blocking system call (trc_blocked), and the
 *    VM links a TrcNativeCall around each call of a non-bytecode callable
 *    (trc_native_enter / trc_native_leave).  Otherwise the thread is
 *    executing bytecode, at its innermost frame's last stored instruction.
 *
 *  - The main thread drains the ring buffer when it is about to run script
 *    handlers (sig_check calls trc_handler_begin / trc_handler_end),
 *    prints the trace lines and keeps the events for the timeline, which
 *    trc_finish writes at exit.
 *
 * With nothing switched on, trc_on is 0: the C handler tests that one flag
 * and the dispatch loop does no extra work (EB_TRACE is never set and
 * vm_trace_hook stays NULL).  The only cost left is the TrcNativeCall link
 * around native calls, a few stores next to an indirect call.
 *
 * The trace format (stable; doc/sigvm.1 documents it):
 *
 *   sigvm-trace: SIGNAL arrived on THREAD, ACTIVITY
 *   sigvm-trace: SIGNAL coalesced: N arrivals, one handler call
 *   sigvm-trace: SIGNAL handler started on MainThread at WHERE, after
 *                K instructions and U us
 *   sigvm-trace: SIGNAL handler ended at WHERE, ran K instructions in U us
 *
 * (each one line), where ACTIVITY is "executing bytecode at WHERE",
 * "blocked in NAME at WHERE", "inside native NAME at WHERE" or "outside
 * bytecode", and WHERE is "FILE:LINE in FUNCTION" with FILE the script's
 * base name.  Only the numbers before " us" vary between runs.
 */
#ifndef SIGVM_SIGTRACE_H
#define SIGVM_SIGTRACE_H

#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>

#include "function.h"
#include "value.h"

struct Frame;

/* ---- What each thread is doing ----------------------------------------- */

/* One call of a callable that is not bytecode, linked while it runs.  The
 * C handler treats the thread as "inside" it only while the thread's
 * innermost frame is still `frame`: a native that calls back into script
 * code (sorted's key, a class's __init__) is then executing bytecode in a
 * deeper frame. */
typedef struct TrcNativeCall {
    /* The callable's names, copied from it on entry: the callable itself
     * may be freed while it runs (a bound native's stack slot holds its
     * self during the call), so the C handler must never dereference it.
     * Both are C strings that live for the whole run. */
    const char *module; /* NULL or "builtins": not shown */
    const char *name;
    const struct Frame *frame;
    struct TrcNativeCall *prev;
} TrcNativeCall;

/* The innermost native call of this thread.  Written only by the thread
 * itself and read only by a C handler interrupting that thread, so no
 * atomics are needed: a signal fence orders the link after the fields. */
extern _Thread_local TrcNativeCall *trc_native_call;

/* Nonzero while this thread is inside a blocking system call (set by
 * blk_call around the attempt).  Same discipline as trc_native_call. */
extern _Thread_local volatile sig_atomic_t trc_blocked;

static inline void trc_native_enter(TrcNativeCall *c, Value callable,
                                    const struct Frame *f)
{
    c->module = NULL;
    if (callable.tag == VT_OBJ && OBJ_TYPE(callable.as.o) == &native_type) {
        const NativeObj *n = (const NativeObj *)callable.as.o;
        c->module = n->module;
        c->name = n->name;
    } else if (callable.tag == VT_OBJ) {
        c->name = OBJ_TYPE(callable.as.o)->name;
    } else {
        c->name = "a native call";
    }
    c->frame = f;
    c->prev = trc_native_call;
    /* A C handler on this thread must never see the link before the
     * fields: a compiler barrier is all that takes on one thread. */
    atomic_signal_fence(memory_order_release);
    trc_native_call = c;
}

static inline void trc_native_leave(TrcNativeCall *c)
{
    trc_native_call = c->prev;
}

/* ---- Switching it on ------------------------------------------------- */

#define TRC_MAX_INJECT 32

typedef struct TrcConfig {
    int trace_fd;               /* text trace to this fd; -1: none */
    int trace_times;            /* print microseconds (else "-- us") */
    const char *timeline_path;  /* NULL: none; ".svg" ending: SVG */
    const char *program;        /* shown in the timeline's title */
    int ninject;
    int inject_signum[TRC_MAX_INJECT];
    uint64_t inject_at[TRC_MAX_INJECT]; /* 1-based instruction number */
} TrcConfig;

/* The one flag the C handler tests.  Written once by trc_start on the
 * main thread before any script runs (so before any handler can be
 * installed); relaxed loads suffice. */
extern atomic_int trc_on;

/* Start recording with cfg (copied).  Sets EB_TRACE so that the main
 * thread counts its instructions through trc_instr_hook, which cli/
 * installs as vm_trace_hook. */
void trc_start(const TrcConfig *cfg);
/* The VM's trace hook: counts the main thread's instructions and
 * delivers the injected signals.  Returns 0. */
int trc_instr_hook(void);
/* At exit: report arrivals whose handler never ran, write the timeline.
 * Returns 0, or -1 if the timeline could not be written (message on
 * stderr). */
int trc_finish(void);

/* Called before each trace line is written, so the script's own buffered
 * output comes first (cli/ flushes sys.stdout).  NULL: nothing. */
extern void (*trc_flush_hook)(void);
/* A thread's name for the trace ("Thread-1"); NULL or a NULL result:
 * "thread N", numbered by first appearance.  Called under the GIL. */
extern const char *(*trc_thread_name_hook)(unsigned long ident);

/* A thread that ran bytecode is ending (GIL held): collect its arrivals
 * now, while trc_thread_name_hook can still name it. */
void trc_thread_exit(void);

/* ---- Called by the signal layer -------------------------------------- */

/* Async-signal-safe: record one arrival of signum on the calling thread. */
void trc_record_arrival(int signum);
/* Main thread, GIL held: the script handler for signum is about to run
 * in `where` (the frame it receives; NULL: none).  at_boundary: called
 * from the breaker at an instruction boundary, not from inside an
 * instruction (a blocking call's EINTR path, os.kill). */
void trc_handler_begin(int signum, const struct Frame *where,
                       int at_boundary);
void trc_handler_end(int signum, int raised);

/* ---- Signal names ---------------------------------------------------- */

/* "SIGUSR1", "SIGRTMIN+3"; buf holds at least 16 bytes. */
const char *trc_signal_name(int signum, char *buf);
/* "SIGUSR1", "USR1" or "10" to 10; -1 if unknown or out of range. */
int trc_signal_number(const char *name);

/* ---- Reading the record (timeline.c and tests) ----------------------- */

enum { TRC_ACT_NONE, TRC_ACT_BYTECODE, TRC_ACT_BLOCKED, TRC_ACT_NATIVE };

#define TRC_NAME_LEN 48

typedef struct TrcWhere {
    char file[TRC_NAME_LEN]; /* base name; "" when there is no frame */
    char func[TRC_NAME_LEN];
    int line;
} TrcWhere;

typedef struct TrcArrival {
    int signum;
    int lane;              /* 0: main thread, then by first appearance */
    int activity;          /* TRC_ACT_* */
    char what[TRC_NAME_LEN]; /* the native or blocking call's name */
    TrcWhere where;
    int64_t t_ns;          /* since trc_start */
    uint64_t instr;        /* main-thread instructions started by then */
    int handler;           /* index of the handler run it led to, -1 */
} TrcArrival;

typedef struct TrcHandlerRun {
    int signum;
    TrcWhere where;
    int64_t t0_ns, t1_ns;  /* since trc_start */
    uint64_t deferred;     /* instructions between arrival and start */
    uint64_t ran;          /* instructions the handler executed */
    int first_arrival;     /* -1 when none was recorded */
    int narrivals;
    int depth;             /* nesting: 0 for a handler run from script */
    int raised;
} TrcHandlerRun;

typedef struct TrcSpan {   /* a thread blocked in a system call */
    int lane;              /* -1 until trc_finish resolves `ident` */
    unsigned long ident;
    char what[TRC_NAME_LEN];
    int64_t t0_ns, t1_ns;
} TrcSpan;

typedef struct TrcRecord {
    TrcArrival *arrivals;
    int narrivals;
    TrcHandlerRun *handlers;
    int nhandlers;
    TrcSpan *spans;
    int nspans;
    char lane_names[8][TRC_NAME_LEN];
    int nlanes;
    int64_t end_ns;        /* when trc_finish ran */
    uint64_t instructions; /* main-thread instructions counted */
    const char *program;
} TrcRecord;

/* The record so far (drains the ring buffer first). */
const TrcRecord *trc_record(void);

/* Called by blk_call around a blocking attempt (any thread, without the
 * GIL): marks trc_blocked and, when recording, logs the span. */
void trc_blocking_begin(void);
void trc_blocking_end(void);

/* timeline.c: write the record as Chrome trace-event JSON or as SVG.
 * 0, or -1 with errno set. */
int trc_write_json(const TrcRecord *r, const char *path);
int trc_write_svg(const TrcRecord *r, const char *path);

#endif
