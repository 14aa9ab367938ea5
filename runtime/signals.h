/* signals.h - the low-level signal layer: the C handler, the tripped
 * flags, the handler table and running pending script handlers.
 *
 * The C handler never runs script code.  It records that a signal tripped,
 * asks the main thread's interpreter loop to look (EB_SIGNALS), and writes
 * the signal number to the wakeup fd.  The main thread later calls the
 * script handlers from sig_run_pending(), in ascending signal number, each
 * with (signum, innermost frame), clearing each flag before the call, as
 * CPython 3.11 does (SIGNALS.md section 2).
 */
#ifndef SIGVM_SIGNALS_H
#define SIGVM_SIGNALS_H

#include <signal.h>

#include "value.h"

/* Linux's NSIG is 65: signal numbers 1..64. */
#define SIG_NSIG 65

/* Stored handler values, as CPython's table holds them: SIG_DFL is the
 * int 0, SIG_IGN the int 1, a C handler not installed by a script is
 * None, and after finalization the slot is V_NULL. */
Value sig_get_handler(int signum);

/* Install `handler` (a callable, or the ints 0/1) for signum with
 * sigaction (SA_ONSTACK only, empty mask) and store it; returns the old
 * stored value through *old.  -1 with OSError set if sigaction fails. */
int sig_set_handler(int signum, Value handler, Value *old);

/* Start-up: ignore SIGPIPE and SIGXFSZ, read every disposition into the
 * table, and give SIGINT default_int_handler if it was at default.
 * `default_int_handler` is the native the signal module exposes. */
void sig_init(Value default_int_handler);

/* Trip a signal as the C handler would, without a real signal
 * (PyErr_SetInterruptEx): -1 for an out-of-range number; 0 and nothing
 * done when the handler is SIG_DFL or SIG_IGN. */
int sig_trip_simulated(int signum);

/* Run the pending script handlers if this is the main thread (else do
 * nothing and return 0).  Returns -1 with the handler's exception set if
 * one raised; the remaining tripped signals stay tripped for the next
 * check.  This is PyErr_CheckSignals. */
int sig_check(void);

/* The eval loop's entry (handle_signals): clears the pending request
 * before running handlers and re-arms it if one raised. */
int sig_handle_pending(void);

/* The main thread (re)computes its breaker bit when it takes the GIL, so
 * a signal caught by another thread reaches it. */
void sig_recompute_breaker(void);

/* Mark the calling thread as the one that runs handlers (start-up, and in
 * a child after fork). */
void sig_set_main_thread(void);
int sig_is_main_thread(void);

/* After fork in the child: forget signals that tripped before the fork. */
void sig_after_fork(void);

/* At exit: clear the flags, forget the handlers and restore SIG_DFL for
 * signals that had a script handler (_PySignal_Fini). */
void sig_fini(void);

/* The wakeup fd (-1: none).  Returns the previous fd. */
int sig_set_wakeup_fd(int fd, int warn_on_full_buffer);

/* Report a wakeup-fd write error the C handler recorded (pending call). */
void sig_report_wakeup_error(void);

/* Whether signum is tripped now (tests and tracing; no side effect). */
int sig_is_tripped(int signum);

/* Mark every signal root for the collector. */
void sig_gc_roots(void);

#endif
