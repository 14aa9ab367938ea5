/* tstate.h - per-thread interpreter state.
 *
 * One ThreadState per OS thread that runs bytecode.  Only the thread itself
 * touches its state while it holds the GIL, except the collector (which
 * runs under the GIL and reads every thread's frames and C roots) and the
 * list links.  Every field is read and written under the GIL only; a
 * thread blocked in a system call has given the GIL up and so leaves its
 * state alone while others read it.
 */
#ifndef SIGVM_TSTATE_H
#define SIGVM_TSTATE_H

#include "value.h"

struct Frame;

typedef struct ThreadState {
    Value exc;            /* the exception being raised, V_NULL if none */
    Value handled;        /* the exception being handled (sys.exc_info()),
                             V_NULL if none */
    struct Frame *frame;  /* innermost frame, NULL outside bytecode */
    int depth;            /* Python call depth, against the recursion limit */
    int c_depth;          /* native recursion (repr of nested lists ...) */
    int is_main;          /* the main thread (after fork: the forking one) */
    unsigned long ident;  /* pthread_self() as threading.get_ident() */
    long native_id;       /* the kernel's thread id (gettid) */
    /* This thread's C temporaries (gc_root_push): per thread, because a
     * thread that blocks with roots pushed lets others push and pop
     * theirs meanwhile, which one shared stack would interleave. */
    Value **roots;
    size_t nroots, roots_cap;
    struct ThreadState *next; /* all thread states, for the collector */
} ThreadState;

/* The current thread's state; set when a thread starts running bytecode. */
extern _Thread_local ThreadState *ts_current;

/* sys.getrecursionlimit(); checked on every Python call and on native
 * recursion (repr, eq of nested containers). */
extern int ts_recursion_limit;

/* Allocate and link a state (under the GIL).  ident and native_id are the
 * calling thread's; a state made for a new thread gets the new thread's
 * ids from ts_bind_self once it runs. */
ThreadState *ts_new(void);
/* Unlink and free a state (under the GIL), with its root stack. */
void ts_delete(ThreadState *ts);
/* Record the calling thread's ids in ts (pthread_self, gettid). */
void ts_bind_self(ThreadState *ts);
/* In the child after fork: only ts survives, and it becomes the main
 * thread's state; every other state is freed. */
void ts_after_fork(ThreadState *ts);
/* Number of linked states (tests, threading.active_count checks). */
int ts_count(void);
ThreadState *ts_main(void);     /* the main thread's state */
/* Iterate over all states (collector roots). */
ThreadState *ts_first(void);

/* Native recursion guard for C code that recurses through script-visible
 * structures: returns -1 with RecursionError set when too deep. */
int ts_enter_recursive(const char *where);
void ts_leave_recursive(void);

#endif
