/* tstate.h - per-thread interpreter state.
 *
 * One ThreadState per OS thread that runs bytecode.  Only the thread itself
 * touches its state while it holds the GIL, except the collector (which
 * runs under the GIL and reads every thread's frames) and the list links.
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
    struct ThreadState *next; /* all thread states, for the collector */
} ThreadState;

/* The current thread's state; set when a thread starts running bytecode. */
extern _Thread_local ThreadState *ts_current;

/* sys.getrecursionlimit(); checked on every Python call and on native
 * recursion (repr, eq of nested containers). */
extern int ts_recursion_limit;

ThreadState *ts_new(void);      /* allocate and link a state */
void ts_delete(ThreadState *ts);
ThreadState *ts_main(void);     /* the main thread's state */
/* Iterate over all states (collector roots). */
ThreadState *ts_first(void);

/* Native recursion guard for C code that recurses through script-visible
 * structures: returns -1 with RecursionError set when too deep. */
int ts_enter_recursive(const char *where);
void ts_leave_recursive(void);

#endif
