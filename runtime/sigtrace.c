/* sigtrace.c - the arrival ring buffer, the per-thread activity and the
 * handler record behind --trace-signals, --timeline and --inject (the
 * contract is in sigtrace.h; the text output is in sigtrace_print.c).
 *
 * Async-signal-safety audit of trc_record_arrival and everything it calls:
 * lock-free C11 atomics (a CAS loop on the write index, a release store of
 * the slot's sequence number), clock_gettime (async-signal-safe since
 * POSIX.1-2008), pthread_self (a thread-pointer read in glibc, not on
 * POSIX's list, used only for threads without a ThreadState), plain reads
 * of the interrupted thread's own TLS and frame, and byte copies written
 * here.  No allocation, no locks, no stdio; errno is left alone (the C
 * handler saves it anyway).
 */
#include "sigtrace.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "breaker.h"
#include "frame.h"
#include "function.h"
#include "signals.h"
#include "str.h"
#include "tstate.h"

_Thread_local TrcNativeCall *trc_native_call;
_Thread_local volatile sig_atomic_t trc_blocked;
atomic_int trc_on;
void (*trc_flush_hook)(void);
const char *(*trc_thread_name_hook)(unsigned long ident);

/* Defined in sigtrace_print.c: the text lines. */
void trc_print_arrival(const TrcConfig *cfg, const TrcRecord *r, int i);
void trc_print_begin(const TrcConfig *cfg, const TrcRecord *r, int h);
void trc_print_end(const TrcConfig *cfg, const TrcRecord *r, int h);

/* ---- The ring buffer ------------------------------------------------- */

#define RING_SIZE 256 /* a power of two */

typedef struct Slot {
    /* idx + 1 once the slot holds arrival number idx: stored with
     * release by the C handler after the plain fields, loaded with
     * acquire by the main thread before it copies them. */
    _Atomic uint64_t seq;
    int signum;
    int is_main;
    unsigned long ident;
    int64_t t_ns;
    uint64_t instr;
    int activity;
    char what[TRC_NAME_LEN];
    TrcWhere where;
} Slot;

static Slot ring[RING_SIZE];
/* Next arrival number to hand out: CAS by C handlers on any thread. */
static _Atomic uint64_t ring_write;
/* Next arrival number the main thread will copy out.  Stored (release)
 * by the main thread only; C handlers load it (acquire) to see whether
 * the slot they want is free again. */
static _Atomic uint64_t ring_read;
/* Arrivals lost because the buffer was full (C handlers, relaxed). */
static atomic_uint ring_dropped;

/* Main-thread instructions started, counted by trc_instr_hook.  Written
 * by the main thread, read by C handlers on any thread: relaxed, a count
 * a moment stale is still a count. */
static _Atomic uint64_t instr_count;

static int64_t start_ns;
static TrcConfig config;
static TrcRecord rec;
static int rec_cap_arrivals, rec_cap_handlers, rec_cap_spans;
static unsigned long lane_ident[8];
static pthread_mutex_t span_lock = PTHREAD_MUTEX_INITIALIZER;
static int next_inject;
/* Handlers running now (nested runs are possible), innermost last. */
static int running[64];
static int nrunning;

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* strncpy without the padding, safe in a signal handler. */
static void copy_name(char *dst, const char *src)
{
    int i = 0;
    if (src)
        for (; src[i] && i < TRC_NAME_LEN - 1; i++)
            dst[i] = src[i];
    dst[i] = 0;
}

static const char *base_name(const char *path)
{
    const char *b = path;
    for (const char *p = path; *p; p++)
        if (*p == '/')
            b = p + 1;
    return b;
}

static void fill_where(TrcWhere *w, const Frame *f, int lasti)
{
    const CodeObj *co = f->code;
    if (co == NULL) {
        w->file[0] = w->func[0] = 0;
        w->line = 0;
        return;
    }
    copy_name(w->file, co->filename ? base_name(STR_CSTR(co->filename)) : "?");
    copy_name(w->func, co->name ? STR_CSTR(co->name) : "?");
    w->line = code_line_at(co, lasti);
}

/* "time.sleep", "sum": the callable's name as a script would write it,
 * from the names trc_native_enter copied. */
static void callable_name(char *dst, const TrcNativeCall *nc)
{
    char buf[TRC_NAME_LEN * 2];
    size_t k = 0;
    if (nc->module && strcmp(nc->module, "builtins") != 0) {
        for (const char *p = nc->module; *p && k < TRC_NAME_LEN; p++)
            buf[k++] = *p;
        buf[k++] = '.';
    }
    for (const char *p = nc->name; *p && k < sizeof buf - 1; p++)
        buf[k++] = *p;
    buf[k] = 0;
    copy_name(dst, buf);
}

/* What the interrupted thread was doing, from its own published state. */
static void fill_activity(Slot *s)
{
    ThreadState *ts = ts_current;
    const Frame *f = ts ? ts->frame : NULL;
    const TrcNativeCall *nc = trc_native_call;
    atomic_signal_fence(memory_order_acquire);
    s->what[0] = 0;
    if (f == NULL) {
        s->activity = TRC_ACT_NONE;
        s->where.file[0] = s->where.func[0] = 0;
        s->where.line = 0;
        return;
    }
    fill_where(&s->where, f, f->lasti);
    if (nc != NULL && nc->frame == f) {
        s->activity = trc_blocked ? TRC_ACT_BLOCKED : TRC_ACT_NATIVE;
        callable_name(s->what, nc);
    } else {
        s->activity = trc_blocked ? TRC_ACT_BLOCKED : TRC_ACT_BYTECODE;
    }
}

void trc_record_arrival(int signum)
{
    uint64_t w = atomic_load(&ring_write);
    do {
        if (w - atomic_load_explicit(&ring_read, memory_order_acquire) >=
            RING_SIZE) {
            atomic_fetch_add_explicit(&ring_dropped, 1, memory_order_relaxed);
            return;
        }
    } while (!atomic_compare_exchange_weak(&ring_write, &w, w + 1));
    Slot *s = &ring[w & (RING_SIZE - 1)];
    ThreadState *ts = ts_current;
    s->signum = signum;
    s->is_main = sig_is_main_thread();
    s->ident = ts ? ts->ident : (unsigned long)pthread_self();
    s->t_ns = now_ns();
    s->instr = atomic_load_explicit(&instr_count, memory_order_relaxed);
    fill_activity(s);
    atomic_store_explicit(&s->seq, w + 1, memory_order_release);
}

/* ---- The record (main thread, GIL held) ------------------------------ */

static void *grow(void *p, int n, int *cap, size_t size)
{
    if (n < *cap)
        return p;
    *cap = *cap ? *cap * 2 : 64;
    void *q = realloc(p, (size_t)*cap * size);
    if (q == NULL)
        abort();
    return q;
}

/* The lane of a thread: 0 for the main thread, then in order of first
 * appearance (at most 8 lanes; later threads share the last one). */
static int lane_of(int is_main, unsigned long ident)
{
    if (is_main)
        return 0;
    for (int i = 1; i < rec.nlanes; i++)
        if (lane_ident[i] == ident)
            return i;
    if (rec.nlanes == 8)
        return 7;
    int i = rec.nlanes++;
    lane_ident[i] = ident;
    const char *name =
        trc_thread_name_hook ? trc_thread_name_hook(ident) : NULL;
    if (name)
        copy_name(rec.lane_names[i], name);
    else
        snprintf(rec.lane_names[i], TRC_NAME_LEN, "thread %d", i + 1);
    return i;
}

static void take_slot(const Slot *s)
{
    rec.arrivals = grow(rec.arrivals, rec.narrivals, &rec_cap_arrivals,
                        sizeof *rec.arrivals);
    TrcArrival *a = &rec.arrivals[rec.narrivals++];
    a->signum = s->signum;
    a->lane = lane_of(s->is_main, s->ident);
    a->activity = s->activity;
    memcpy(a->what, s->what, sizeof a->what);
    a->where = s->where;
    a->t_ns = s->t_ns - start_ns;
    a->instr = s->instr;
    a->handler = -1;
    trc_print_arrival(&config, &rec, rec.narrivals - 1);
}

/* Copy out every published arrival, in arrival-number order.  A slot
 * reserved but not yet published (its C handler was interrupted by
 * another, or runs on another thread right now) stops the drain; the
 * next one picks it up. */
static void drain(void)
{
    uint64_t r = atomic_load_explicit(&ring_read, memory_order_relaxed);
    uint64_t w = atomic_load(&ring_write);
    for (; r < w; r++) {
        Slot *s = &ring[r & (RING_SIZE - 1)];
        if (atomic_load_explicit(&s->seq, memory_order_acquire) != r + 1)
            break;
        Slot copy = *s;
        atomic_store_explicit(&ring_read, r + 1, memory_order_release);
        take_slot(&copy);
    }
}

void trc_thread_exit(void)
{
    if (atomic_load_explicit(&trc_on, memory_order_relaxed))
        drain();
}

const TrcRecord *trc_record(void)
{
    if (atomic_load_explicit(&trc_on, memory_order_relaxed))
        drain();
    rec.instructions = atomic_load(&instr_count);
    return &rec;
}

static void where_of(TrcWhere *w, const Frame *f)
{
    if (f == NULL) {
        w->file[0] = w->func[0] = 0;
        w->line = 0;
    } else {
        fill_where(w, f, f->lasti);
    }
}

void trc_handler_begin(int signum, const Frame *where, int at_boundary)
{
    drain();
    rec.handlers = grow(rec.handlers, rec.nhandlers, &rec_cap_handlers,
                        sizeof *rec.handlers);
    int h = rec.nhandlers++;
    TrcHandlerRun *run = &rec.handlers[h];
    memset(run, 0, sizeof *run);
    run->signum = signum;
    where_of(&run->where, where);
    run->t0_ns = now_ns() - start_ns;
    run->first_arrival = -1;
    run->depth = nrunning;
    uint64_t count = atomic_load(&instr_count);
    /* Every arrival of signum not yet matched belongs to this call: the
     * tripped flag is a bit, so they were coalesced into it. */
    for (int i = 0; i < rec.narrivals; i++) {
        TrcArrival *a = &rec.arrivals[i];
        if (a->signum != signum || a->handler != -1)
            continue;
        a->handler = h;
        if (run->first_arrival < 0)
            run->first_arrival = i;
        run->narrivals++;
    }
    if (run->first_arrival >= 0) {
        /* At a boundary the instruction that was running (or about to
         * start) at the arrival has completed; inside an instruction
         * (EINTR, os.kill) it is still running. */
        uint64_t at = rec.arrivals[run->first_arrival].instr;
        run->deferred = count - at + (at_boundary && count >= at ? 1 : 0);
    }
    run->ran = count; /* the start; trc_handler_end subtracts */
    if (nrunning < 64)
        running[nrunning] = h;
    nrunning++;
    trc_print_begin(&config, &rec, h);
}

void trc_handler_end(int signum, int raised)
{
    (void)signum;
    if (nrunning == 0)
        return;
    nrunning--;
    if (nrunning >= 64)
        return;
    int h = running[nrunning];
    TrcHandlerRun *run = &rec.handlers[h];
    run->t1_ns = now_ns() - start_ns;
    run->ran = atomic_load(&instr_count) - run->ran;
    run->raised = raised;
    trc_print_end(&config, &rec, h);
}

/* ---- Blocking calls -------------------------------------------------- */

static _Thread_local int64_t block_t0;
static _Thread_local char block_what[TRC_NAME_LEN];

void trc_blocking_begin(void)
{
    trc_blocked = 1;
    if (!atomic_load_explicit(&trc_on, memory_order_relaxed))
        return;
    const TrcNativeCall *nc = trc_native_call;
    if (nc)
        callable_name(block_what, nc);
    else
        copy_name(block_what, "a system call");
    block_t0 = now_ns();
}

void trc_blocking_end(void)
{
    trc_blocked = 0;
    if (!atomic_load_explicit(&trc_on, memory_order_relaxed) ||
        config.timeline_path == NULL)
        return;
    ThreadState *ts = ts_current;
    int is_main = sig_is_main_thread();
    unsigned long ident = ts ? ts->ident : 0;
    int64_t t1 = now_ns();
    /* Other threads log their spans too, without the GIL; the lane table
     * is the main thread's, so they record the ident and the lane is
     * resolved at exit. */
    pthread_mutex_lock(&span_lock);
    rec.spans = grow(rec.spans, rec.nspans, &rec_cap_spans, sizeof *rec.spans);
    TrcSpan *sp = &rec.spans[rec.nspans++];
    sp->lane = is_main ? 0 : -1;
    sp->ident = ident;
    memcpy(sp->what, block_what, sizeof sp->what);
    sp->t0_ns = block_t0 - start_ns;
    sp->t1_ns = t1 - start_ns;
    pthread_mutex_unlock(&span_lock);
}

/* ---- Counting and injection ------------------------------------------ */

void trc_start(const TrcConfig *cfg)
{
    config = *cfg;
    start_ns = now_ns();
    rec.nlanes = 1;
    copy_name(rec.lane_names[0], "MainThread");
    rec.program = config.program;
    atomic_store(&trc_on, 1);
    eb_set(EB_TRACE);
}

/* Deliver a signal for real to the calling (main) thread.  The kernel
 * runs the C handler before pthread_kill returns when the signal is not
 * blocked; a blocked one stays pending as it would from another
 * process. */
static void inject(int signum)
{
    pthread_kill(pthread_self(), signum);
}

int trc_instr_hook(void)
{
    if (!sig_is_main_thread())
        return 0;
    uint64_t n = atomic_load_explicit(&instr_count, memory_order_relaxed) + 1;
    atomic_store_explicit(&instr_count, n, memory_order_relaxed);
    while (next_inject < config.ninject &&
           config.inject_at[next_inject] == n)
        inject(config.inject_signum[next_inject++]);
    /* Print arrivals at the first boundary after them, even when their
     * handler waits longer (a check-point policy, a blocked signal). */
    if (atomic_load_explicit(&ring_write, memory_order_relaxed) !=
        atomic_load_explicit(&ring_read, memory_order_relaxed))
        drain();
    return 0;
}

/* Threads' spans were logged by ident; give them their lanes now. */
static void resolve_span_lanes(void)
{
    for (int i = 0; i < rec.nspans; i++) {
        TrcSpan *sp = &rec.spans[i];
        if (sp->lane < 0)
            sp->lane = lane_of(0, sp->ident);
    }
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

int trc_finish(void)
{
    if (!atomic_load(&trc_on))
        return 0;
    drain();
    unsigned dropped = atomic_load(&ring_dropped);
    if (dropped && config.trace_fd >= 0)
        dprintf(config.trace_fd,
                "sigvm-trace: %u arrivals not recorded (buffer full)\n",
                dropped);
    rec.end_ns = now_ns() - start_ns;
    rec.instructions = atomic_load(&instr_count);
    atomic_store(&trc_on, 0);
    if (config.timeline_path == NULL)
        return 0;
    pthread_mutex_lock(&span_lock);
    resolve_span_lanes();
    int r = has_suffix(config.timeline_path, ".svg")
                ? trc_write_svg(&rec, config.timeline_path)
                : trc_write_json(&rec, config.timeline_path);
    pthread_mutex_unlock(&span_lock);
    return r;
}
