/* sigtrace_print.c - the text of --trace-signals and the signal names.
 *
 * Every line starts with "sigvm-trace: " and is written with one write(2)
 * after the script's own buffered output has been flushed (trc_flush_hook),
 * so a trace sent to the same place as stdout reads in order.  The format
 * is documented in sigtrace.h and doc/sigvm.1; tests compare it exactly
 * after replacing the numbers before " us".
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sigtrace.h"

void trc_print_arrival(const TrcConfig *cfg, const TrcRecord *r, int i);
void trc_print_begin(const TrcConfig *cfg, const TrcRecord *r, int h);
void trc_print_end(const TrcConfig *cfg, const TrcRecord *r, int h);

static void emit(const TrcConfig *cfg, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void emit(const TrcConfig *cfg, const char *fmt, ...)
{
    if (cfg->trace_fd < 0)
        return;
    if (trc_flush_hook)
        trc_flush_hook();
    char line[512];
    int n = snprintf(line, sizeof line, "sigvm-trace: ");
    va_list ap;
    va_start(ap, fmt);
    n += vsnprintf(line + n, sizeof line - (size_t)n - 1, fmt, ap);
    va_end(ap);
    if (n > (int)sizeof line - 2)
        n = (int)sizeof line - 2;
    line[n++] = '\n';
    const char *p = line;
    while (n > 0) {
        ssize_t w = write(cfg->trace_fd, p, (size_t)n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return;
        p += w;
        n -= (int)w;
    }
}

/* "FILE:LINE in FUNC" into buf. */
static const char *where_text(const TrcWhere *w, char *buf, size_t n)
{
    if (w->file[0] == 0)
        snprintf(buf, n, "<no frame>");
    else
        snprintf(buf, n, "%s:%d in %s", w->file, w->line, w->func);
    return buf;
}

static const char *micros(const TrcConfig *cfg, int64_t ns, char *buf)
{
    if (!cfg->trace_times)
        return "-";
    snprintf(buf, 24, "%lld", (long long)(ns / 1000));
    return buf;
}

static const char *plural(uint64_t n)
{
    return n == 1 ? "" : "s";
}

void trc_print_arrival(const TrcConfig *cfg, const TrcRecord *r, int i)
{
    const TrcArrival *a = &r->arrivals[i];
    char name[16], where[160];
    const char *sig = trc_signal_name(a->signum, name);
    const char *thread = r->lane_names[a->lane];
    where_text(&a->where, where, sizeof where);
    switch (a->activity) {
    case TRC_ACT_BYTECODE:
        emit(cfg, "%s arrived on %s, executing bytecode at %s", sig, thread,
             where);
        break;
    case TRC_ACT_BLOCKED:
        emit(cfg, "%s arrived on %s, blocked in %s at %s", sig, thread,
             a->what[0] ? a->what : "a system call", where);
        break;
    case TRC_ACT_NATIVE:
        emit(cfg, "%s arrived on %s, inside native %s at %s", sig, thread,
             a->what, where);
        break;
    default:
        emit(cfg, "%s arrived on %s, outside bytecode", sig, thread);
        break;
    }
}

void trc_print_begin(const TrcConfig *cfg, const TrcRecord *r, int h)
{
    const TrcHandlerRun *run = &r->handlers[h];
    char name[16], where[160], us[24];
    const char *sig = trc_signal_name(run->signum, name);
    where_text(&run->where, where, sizeof where);
    if (run->narrivals > 1)
        emit(cfg, "%s coalesced: %d arrivals, one handler call", sig,
             run->narrivals);
    if (run->first_arrival < 0) {
        emit(cfg, "%s handler started on MainThread at %s, no arrival "
                  "recorded", sig, where);
        return;
    }
    int64_t wait = run->t0_ns - r->arrivals[run->first_arrival].t_ns;
    emit(cfg, "%s handler started on MainThread at %s, after %llu "
              "instruction%s and %s us", sig, where,
         (unsigned long long)run->deferred, plural(run->deferred),
         micros(cfg, wait, us));
}

void trc_print_end(const TrcConfig *cfg, const TrcRecord *r, int h)
{
    const TrcHandlerRun *run = &r->handlers[h];
    char name[16], where[160], us[24];
    where_text(&run->where, where, sizeof where);
    emit(cfg, "%s handler %s at %s, ran %llu instruction%s in %s us",
         trc_signal_name(run->signum, name), run->raised ? "raised" : "ended",
         where, (unsigned long long)run->ran, plural(run->ran),
         micros(cfg, run->t1_ns - run->t0_ns, us));
}

/* ---- Signal names ---------------------------------------------------- */

/* Linux's numbering, as the signal module's Signals enum names them. */
static const char *const names[32] = {
    NULL,      "SIGHUP",  "SIGINT",    "SIGQUIT", "SIGILL",    "SIGTRAP",
    "SIGABRT", "SIGBUS",  "SIGFPE",    "SIGKILL", "SIGUSR1",   "SIGSEGV",
    "SIGUSR2", "SIGPIPE", "SIGALRM",   "SIGTERM", "SIGSTKFLT", "SIGCHLD",
    "SIGCONT", "SIGSTOP", "SIGTSTP",   "SIGTTIN", "SIGTTOU",   "SIGURG",
    "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH",  "SIGIO",
    "SIGPWR",  "SIGSYS",
};

const char *trc_signal_name(int signum, char *buf)
{
    if (signum > 0 && signum < 32)
        return names[signum];
    if (signum == SIGRTMIN)
        return "SIGRTMIN";
    if (signum == SIGRTMAX)
        return "SIGRTMAX";
    if (signum > SIGRTMIN && signum < SIGRTMAX)
        snprintf(buf, 16, "SIGRTMIN+%d", signum - SIGRTMIN);
    else
        snprintf(buf, 16, "signal %d", signum);
    return buf;
}

int trc_signal_number(const char *name)
{
    char *end;
    long n = strtol(name, &end, 10);
    if (*name && *end == 0)
        return n > 0 && n < NSIG ? (int)n : -1;
    const char *bare = strncmp(name, "SIG", 3) == 0 ? name + 3 : name;
    for (int i = 1; i < 32; i++)
        if (strcmp(names[i] + 3, bare) == 0)
            return i;
    if (strcmp(bare, "RTMIN") == 0)
        return SIGRTMIN;
    if (strcmp(bare, "RTMAX") == 0)
        return SIGRTMAX;
    return -1;
}
