/* Unit tests of the signal recorder: the ring buffer filled by real C
 * handlers, matching arrivals to handler runs (coalescing, deferral), the
 * published thread activity, signal names and the timeline writers. */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtime/runtime.h"
#include "runtime/sigtrace.h"
#include "runtime/signals.h"

static int handled;

static Value count(Value *args, int nargs, TupleObj *kwnames)
{
    (void)args;
    (void)nargs;
    (void)kwnames;
    handled++;
    return V_NONE;
}

static void setup(void)
{
    rt_init();
    sig_init(V_NULL);
    TrcConfig cfg = {.trace_fd = -1, .trace_times = 1, .program = "unit"};
    trc_start(&cfg);
    handled = 0;
}

static void install(int signum)
{
    Value old;
    cr_assert_eq(sig_set_handler(signum, native_new("count", count, V_NULL, 0),
                                 &old), 0);
}

TestSuite(sigtrace, .init = setup);

Test(sigtrace, signal_names_round_trip)
{
    char buf[16];
    cr_assert_str_eq(trc_signal_name(SIGUSR1, buf), "SIGUSR1");
    cr_assert_str_eq(trc_signal_name(SIGRTMIN + 2, buf), "SIGRTMIN+2");
    cr_assert_eq(trc_signal_number("SIGALRM"), SIGALRM);
    cr_assert_eq(trc_signal_number("TERM"), SIGTERM);
    cr_assert_eq(trc_signal_number("12"), 12);
    cr_assert_eq(trc_signal_number("SIGNOPE"), -1);
    cr_assert_eq(trc_signal_number("0"), -1);
}

Test(sigtrace, real_arrival_is_recorded_and_matched)
{
    install(SIGUSR1);
    raise(SIGUSR1);
    cr_assert_eq(sig_check(), 0);
    cr_assert_eq(handled, 1);
    const TrcRecord *r = trc_record();
    cr_assert_eq(r->narrivals, 1);
    cr_assert_eq(r->arrivals[0].signum, SIGUSR1);
    cr_assert_eq(r->arrivals[0].lane, 0, "the main thread's lane");
    cr_assert_eq(r->arrivals[0].activity, TRC_ACT_NONE, "no frame here");
    cr_assert_eq(r->nhandlers, 1);
    cr_assert_eq(r->handlers[0].first_arrival, 0);
    cr_assert_eq(r->handlers[0].narrivals, 1);
    cr_assert_eq(r->arrivals[0].handler, 0);
    cr_assert(r->handlers[0].t1_ns >= r->handlers[0].t0_ns);
    cr_assert(r->handlers[0].t0_ns >= r->arrivals[0].t_ns);
}

Test(sigtrace, arrivals_before_one_check_are_coalesced)
{
    install(SIGUSR2);
    raise(SIGUSR2);
    raise(SIGUSR2);
    raise(SIGUSR2);
    cr_assert_eq(sig_check(), 0);
    cr_assert_eq(handled, 1, "the tripped flag is a bit");
    const TrcRecord *r = trc_record();
    cr_assert_eq(r->narrivals, 3);
    cr_assert_eq(r->nhandlers, 1);
    cr_assert_eq(r->handlers[0].narrivals, 3);
}

Test(sigtrace, deferral_counts_instructions_from_the_hook)
{
    install(SIGUSR1);
    trc_instr_hook();
    raise(SIGUSR1); /* arrives while instruction 1 runs */
    trc_instr_hook();
    trc_instr_hook(); /* instruction 3 starts */
    cr_assert_eq(sig_handle_pending(), 0);
    const TrcRecord *r = trc_record();
    cr_assert_eq(r->arrivals[0].instr, 1);
    cr_assert_eq(r->handlers[0].deferred, 3,
                 "instructions 1 to 3 ran before the boundary check");
}

Test(sigtrace, blocked_activity_names_the_native_call)
{
    install(SIGUSR1);
    Frame *f = calloc(1, sizeof(Frame) + 8 * sizeof(Value));
    CodeObj *co = code_new();
    co->name = str_intern_cstr("main");
    co->filename = str_intern_cstr("/some/where/prog.py");
    co->firstlineno = 7;
    f->code = co;
    f->lasti = -1;
    ts_current->frame = f;
    TrcNativeCall nc;
    trc_native_enter(&nc, native_new("sleep", count, V_NULL, 0), f);
    trc_blocking_begin();
    raise(SIGUSR1);
    trc_blocking_end();
    trc_native_leave(&nc);
    ts_current->frame = NULL;
    const TrcRecord *r = trc_record();
    cr_assert_eq(r->narrivals, 1);
    cr_assert_eq(r->arrivals[0].activity, TRC_ACT_BLOCKED);
    cr_assert_str_eq(r->arrivals[0].what, "sleep");
    cr_assert_str_eq(r->arrivals[0].where.file, "prog.py");
    cr_assert_str_eq(r->arrivals[0].where.func, "main");
    cr_assert_eq(r->arrivals[0].where.line, 7);
    cr_assert_null(trc_native_call);
    free(f);
}

Test(sigtrace, injection_delivers_before_the_nth_instruction)
{
    install(SIGUSR2);
    TrcConfig cfg = {.trace_fd = -1, .ninject = 1};
    cfg.inject_signum[0] = SIGUSR2;
    cfg.inject_at[0] = 3;
    trc_start(&cfg);
    trc_instr_hook();
    trc_instr_hook();
    cr_assert_not(sig_is_tripped(SIGUSR2));
    trc_instr_hook();
    cr_assert(sig_is_tripped(SIGUSR2), "delivered at the third");
    cr_assert_eq(trc_record()->arrivals[0].instr, 3);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f);
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = 0;
    fclose(f);
    return buf;
}

Test(sigtrace, timelines_hold_every_event)
{
    install(SIGUSR1);
    raise(SIGUSR1);
    cr_assert_eq(sig_check(), 0);
    const TrcRecord *r = trc_record();
    char json[] = "/tmp/sigtrace_unit_XXXXXX";
    int fd = mkstemp(json);
    close(fd);
    cr_assert_eq(trc_write_json(r, json), 0);
    char *text = slurp(json);
    cr_assert_not_null(strstr(text, "\"SIGUSR1 arrives\""));
    cr_assert_not_null(strstr(text, "\"SIGUSR1 handler\""));
    cr_assert_not_null(strstr(text, "\"ph\":\"f\""), "the deferral flow");
    cr_assert_eq(trc_write_svg(r, json), 0);
    text = slurp(json);
    cr_assert_not_null(strstr(text, "<svg"));
    cr_assert_not_null(strstr(text, "marker-end=\"url(#arrow)\""));
    cr_assert_not_null(strstr(text, "</svg>"));
    unlink(json);
}
