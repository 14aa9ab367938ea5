/* pytime.h - time arguments (seconds, milliseconds) read as CPython reads
 * them.
 *
 * CPython first turns every such argument -- time.sleep, signal.setitimer
 * and sigtimedwait, select.select and poll, lock and condition timeouts --
 * into a signed 64-bit count of nanoseconds (its _PyTime_t), and the range
 * errors scripts see come from that step: a float out of range gives
 * "timestamp out of range for platform time_t", an int "timestamp too
 * large to convert to C _PyTime_t", both at about 9.22e9 seconds whatever
 * unit the call needs afterwards.  Going through the same step here gives
 * the same errors at the same values.
 */
#ifndef SIGVM_PYTIME_H
#define SIGVM_PYTIME_H

#include <stdint.h>

#include "runtime/runtime.h"

/* How a float (or a division to a coarser unit) is rounded. */
typedef enum PtRound {
    PT_CEILING, /* toward +infinity (setitimer, sigtimedwait) */
    PT_TIMEOUT, /* away from zero: a tiny timeout never becomes 0 */
} PtRound;

/* Nanoseconds per unit of an argument. */
enum { PT_SECONDS = 1000000000, PT_MILLISECONDS = 1000000 };

/* v (an int or a float, in `unit`s) as nanoseconds in *ns.  -1 with
 * CPython's exception set: ValueError for NaN, OverflowError out of range,
 * TypeError for other types. */
int pt_from_object(Value v, int64_t unit, PtRound round, int64_t *ns);
/* The float half of pt_from_object, for callers that already hold a
 * double (Condition.wait_for computes its remaining time). */
int pt_from_double(double d, int64_t unit, PtRound round, int64_t *ns);

/* ns divided by `per` (1000: microseconds, ...), rounded as asked. */
int64_t pt_divide(int64_t ns, int64_t per, PtRound round);

/* ns as seconds, for the double-based waits of blocking.h. */
double pt_seconds(int64_t ns);

#endif
