/* Unit tests for runtime/blocking.c: PEP 475 retries, deadlines and the
 * GIL hooks, with real signals from an interval timer or a helper thread. */
#include <criterion/criterion.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "runtime/blocking.h"

static volatile sig_atomic_t signals_seen;
static int eintr_calls;

static void on_signal(int signum)
{
    (void)signum;
    signals_seen++;
}

/* Install a handler without SA_RESTART, so blocking calls see EINTR. */
static void catch_signal(int signum)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(signum, &sa, NULL);
}

static void start_itimer(long usec)
{
    struct itimerval it = {{0, usec}, {0, usec}};
    setitimer(ITIMER_REAL, &it, NULL);
}

static void stop_itimer(void)
{
    struct itimerval it;
    memset(&it, 0, sizeof it);
    setitimer(ITIMER_REAL, &it, NULL);
}

static int counting_hook(void)
{
    eintr_calls++;
    return 0;
}

static int raising_hook(void)
{
    eintr_calls++;
    return -1;
}

static void reset(void)
{
    signals_seen = 0;
    eintr_calls = 0;
    blk_eintr_hook = NULL;
    blk_release_hook = NULL;
    blk_acquire_hook = NULL;
}

TestSuite(blocking, .init = reset);

Test(blocking, sleep_waits_the_requested_time)
{
    double t0 = blk_monotonic();
    cr_assert_eq(blk_sleep(0.05), 0);
    double dt = blk_monotonic() - t0;
    cr_assert_geq(dt, 0.05);
    cr_assert_lt(dt, 1.0);
}

Test(blocking, sleep_zero_returns_at_once)
{
    double t0 = blk_monotonic();
    cr_assert_eq(blk_sleep(0), 0);
    cr_assert_lt(blk_monotonic() - t0, 0.05);
}

Test(blocking, sleep_retries_after_eintr_and_keeps_the_deadline)
{
    catch_signal(SIGALRM);
    blk_eintr_hook = counting_hook;
    start_itimer(10000);
    double t0 = blk_monotonic();
    int r = blk_sleep(0.2);
    double dt = blk_monotonic() - t0;
    stop_itimer();
    cr_assert_eq(r, 0);
    cr_assert_geq(signals_seen, 5, "the timer fired %d times",
                  (int)signals_seen);
    cr_assert_geq(eintr_calls, 5);
    cr_assert_geq(dt, 0.2);
    /* Restarting from scratch after each signal would take far longer. */
    cr_assert_lt(dt, 0.6);
}

Test(blocking, eintr_hook_raising_aborts_the_call)
{
    catch_signal(SIGALRM);
    blk_eintr_hook = raising_hook;
    start_itimer(20000);
    double t0 = blk_monotonic();
    int r = blk_sleep(5.0);
    double dt = blk_monotonic() - t0;
    stop_itimer();
    cr_assert_eq(r, BLK_RAISED);
    cr_assert_eq(eintr_calls, 1);
    cr_assert_lt(dt, 1.0);
}

Test(blocking, no_hook_means_retry)
{
    catch_signal(SIGALRM);
    start_itimer(10000);
    int r = blk_sleep(0.08);
    stop_itimer();
    cr_assert_eq(r, 0);
    cr_assert_geq(signals_seen, 2);
}

/* An attempt that sleeps its whole remaining time relative to now and
 * records what it was given: checks that blk_call shrinks the timeout. */
static double given[64];
static int ngiven;

static int relative_sleep(void *arg, double remaining)
{
    (void)arg;
    if (ngiven < 64)
        given[ngiven++] = remaining;
    struct timespec ts = {(time_t)remaining,
                          (long)((remaining - (double)(time_t)remaining) * 1e9)};
    return nanosleep(&ts, NULL);
}

Test(blocking, remaining_time_shrinks_between_attempts)
{
    catch_signal(SIGALRM);
    ngiven = 0;
    start_itimer(15000);
    double t0 = blk_monotonic();
    int r = blk_call(relative_sleep, NULL, 0.15);
    double dt = blk_monotonic() - t0;
    stop_itimer();
    cr_assert(r == 0 || r == BLK_TIMEDOUT);
    cr_assert_geq(ngiven, 2);
    cr_assert_float_eq(given[0], 0.15, 1e-9);
    for (int i = 1; i < ngiven; i++)
        cr_assert_lt(given[i], given[i - 1]);
    cr_assert_lt(dt, 0.5);
}

static int always_interrupted(void *arg, double remaining)
{
    (void)arg;
    (void)remaining;
    struct timespec ts = {0, 30 * 1000000L};
    nanosleep(&ts, NULL);
    errno = EINTR;
    return -1;
}

Test(blocking, interrupted_past_the_deadline_times_out)
{
    cr_assert_eq(blk_call(always_interrupted, NULL, 0.05), BLK_TIMEDOUT);
}

static int fails_with_ebadf(void *arg, double remaining)
{
    (void)arg;
    (void)remaining;
    errno = EBADF;
    return -1;
}

Test(blocking, other_errors_pass_through_with_errno)
{
    blk_eintr_hook = counting_hook;
    errno = 0;
    cr_assert_eq(blk_call(fails_with_ebadf, NULL, -1), -1);
    cr_assert_eq(errno, EBADF);
    cr_assert_eq(eintr_calls, 0);
}

Test(blocking, read_on_a_closed_fd_reports_ebadf)
{
    char c;
    ssize_t n = 99;
    int fds[2];
    cr_assert_eq(pipe(fds), 0);
    close(fds[0]);
    close(fds[1]);
    cr_assert_eq(blk_read(fds[0], &c, 1, &n), -1);
    cr_assert_eq(errno, EBADF);
    cr_assert_eq(n, 0);
}

typedef struct Poker {
    pthread_t target;
    int wfd;
} Poker;

/* Interrupt the reader twice, then give it data. */
static void *poke_then_write(void *arg)
{
    Poker *p = arg;
    struct timespec ts = {0, 30 * 1000000L};
    for (int i = 0; i < 2; i++) {
        nanosleep(&ts, NULL);
        pthread_kill(p->target, SIGUSR1);
    }
    nanosleep(&ts, NULL);
    /* No Criterion assertion off the test thread: the reader checks. */
    if (write(p->wfd, "hello", 5) != 5)
        close(p->wfd);
    return NULL;
}

Test(blocking, read_retries_after_a_signal_from_another_thread)
{
    catch_signal(SIGUSR1);
    blk_eintr_hook = counting_hook;
    int fds[2];
    cr_assert_eq(pipe(fds), 0);
    Poker p = {pthread_self(), fds[1]};
    pthread_t th;
    pthread_create(&th, NULL, poke_then_write, &p);
    char buf[16];
    ssize_t n = 0;
    int r = blk_read(fds[0], buf, sizeof buf, &n);
    pthread_join(th, NULL);
    cr_assert_eq(r, 0);
    cr_assert_eq(n, 5);
    cr_assert_eq(memcmp(buf, "hello", 5), 0);
    cr_assert_eq(signals_seen, 2);
    cr_assert_eq(eintr_calls, 2);
}

Test(blocking, read_at_end_of_file_gives_zero_bytes)
{
    int fds[2];
    cr_assert_eq(pipe(fds), 0);
    close(fds[1]);
    char c;
    ssize_t n = 42;
    cr_assert_eq(blk_read(fds[0], &c, 1, &n), 0);
    cr_assert_eq(n, 0);
}

static int gil_events[8];
static int ngil_events;
static int token_ok;

static void *fake_release(void)
{
    if (ngil_events < 8)
        gil_events[ngil_events++] = 'r';
    return &gil_events;
}

static void fake_acquire(void *token)
{
    if (ngil_events < 8)
        gil_events[ngil_events++] = 'a';
    token_ok = token == (void *)&gil_events;
}

static int check_released(void *arg, double remaining)
{
    (void)arg;
    (void)remaining;
    /* The attempt must run between release and acquire. */
    return ngil_events == 1 && gil_events[0] == 'r' ? 7 : -1;
}

Test(blocking, gil_is_released_around_the_attempt)
{
    ngil_events = 0;
    token_ok = 0;
    blk_release_hook = fake_release;
    blk_acquire_hook = fake_acquire;
    cr_assert_eq(blk_call(check_released, NULL, -1), 7);
    cr_assert_eq(ngil_events, 2);
    cr_assert_eq(gil_events[1], 'a');
    cr_assert(token_ok);
}

static void *drain(void *arg)
{
    int fd = *(int *)arg;
    static char sink[65536];
    size_t total = 0;
    ssize_t n;
    while ((n = read(fd, sink, sizeof sink)) > 0)
        total += (size_t)n;
    return (void *)total;
}

Test(blocking, write_all_writes_more_than_a_pipe_holds)
{
    int fds[2];
    cr_assert_eq(pipe(fds), 0);
    pthread_t th;
    pthread_create(&th, NULL, drain, &fds[0]);
    size_t n = 1 << 20;
    char *big = malloc(n);
    memset(big, 'x', n);
    size_t written = 0;
    cr_assert_eq(blk_write_all(fds[1], big, n, &written), 0);
    close(fds[1]);
    void *total;
    pthread_join(th, &total);
    free(big);
    cr_assert_eq(written, n);
    cr_assert_eq((size_t)total, n);
}

Test(blocking, write_to_a_closed_pipe_reports_epipe)
{
    signal(SIGPIPE, SIG_IGN);
    int fds[2];
    cr_assert_eq(pipe(fds), 0);
    close(fds[0]);
    size_t written = 99;
    cr_assert_eq(blk_write_all(fds[1], "abc", 3, &written), -1);
    cr_assert_eq(errno, EPIPE);
    cr_assert_eq(written, 0);
}
