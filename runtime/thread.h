/* thread.h - starting OS threads that run bytecode under the GIL.
 *
 * thr_start creates a POSIX thread with a fresh ThreadState.  The new
 * thread takes the GIL, records its own ids in the state, runs `body`
 * with the GIL held, then unlinks and frees its state and gives the GIL
 * up for good.  The thread is detached: nothing joins it at the C level,
 * so its resources go back to the system as soon as it ends; scripts wait
 * for a thread through a lock the body releases (threading's join).
 *
 * The new thread inherits the creator's signal mask (pthread_create does
 * that), never runs script-level signal handlers (it is not the main
 * thread), and its blocking calls retry on EINTR (sig_check returns 0
 * there).
 */
#ifndef SIGVM_THREAD_H
#define SIGVM_THREAD_H

struct ThreadState;

/* The body runs on the new thread with the GIL held and ts_current set;
 * it must leave no exception set. */
typedef void (*ThrBody)(void *arg);

/* Start a thread running body(arg); call with the GIL held.  Returns 0
 * and the new thread's pthread_t through *ident, or an errno value (the
 * thread was not created and body will not run). */
int thr_start(ThrBody body, void *arg, unsigned long *ident);

/* Threads started and not yet ended (they still hold a ThreadState). */
int thr_running(void);

#endif
