/* storm.c - the signal storm driver: floods an interpreter with signals
 * and checks that it survives, loses no wakeup and keeps its memory flat.
 *
 * Usage: storm [-n SIGNALS] [-t SECONDS] [-R] -- PROGRAM [ARG ...]
 *   -n  signals the two senders send in total (default 1000000)
 *   -t  how long each phase may take before the target counts as hung
 *       (default 120)
 *   -R  skip the RSS check (sanitizer builds: ASan's quarantine grows by
 *       design)
 *
 * Protocol with the target (tests/stress/storm_target.py), over its stdout:
 *   1. The driver starts PROGRAM and waits for the line "ready".
 *   2. Two sender processes send SIGUSR1, SIGUSR2, SIGALRM and SIGCHLD in
 *      turn, as fast as kill(2) allows, until they have sent SIGNALS
 *      together.  Meanwhile the driver samples the target's VmRSS from
 *      /proc every 50 ms.
 *   3. When both senders are done the driver sends SIGHUP (the marker) and
 *      waits for the line "marker".
 *   4. It sends one more signal of each kind and waits for the target's
 *      last line ("handled ..." on success) and its exit status 0.
 * Pass: the target never dies of a signal, each phase ends in time (no
 * deadlock, no lost wakeup), the target's own checks pass (every handler
 * ran, on the main thread) and the RSS after the first second never grows
 * past the first-second sample by more than a quarter plus 8 MB.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const int kinds[] = {SIGUSR1, SIGUSR2, SIGALRM, SIGCHLD};
#define NKINDS ((int)(sizeof kinds / sizeof kinds[0]))

typedef struct Options {
    long signals;
    double timeout;
    int check_rss;
    char **program;
} Options;

typedef struct Lines {
    int fd;
    char buf[4096];
    size_t n;
} Lines;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void nap_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
        ;
}

/* The next line of the target's output, without its newline, within
 * `timeout` seconds: 1 with the line in out, 0 at end of file, -1 on
 * timeout. */
static int read_line(Lines *r, char *out, size_t cap, double timeout)
{
    double deadline = now() + timeout;
    for (;;) {
        char *nl = memchr(r->buf, '\n', r->n);
        if (nl) {
            size_t len = (size_t)(nl - r->buf);
            size_t keep = len < cap - 1 ? len : cap - 1;
            memcpy(out, r->buf, keep);
            out[keep] = 0;
            r->n -= len + 1;
            memmove(r->buf, nl + 1, r->n);
            return 1;
        }
        double left = deadline - now();
        if (left <= 0 || r->n == sizeof r->buf)
            return -1;
        struct pollfd p = {r->fd, POLLIN, 0};
        int rc = poll(&p, 1, (int)(left * 1000) + 1);
        if (rc < 0 && errno == EINTR)
            continue;
        if (rc <= 0)
            continue;
        ssize_t got = read(r->fd, r->buf + r->n, sizeof r->buf - r->n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return 0;
        r->n += (size_t)got;
    }
}

/* Start the target with its stdout on a pipe; it dies with the driver. */
static pid_t spawn_target(char **program, int *out_fd)
{
    int p[2];
    if (pipe(p) < 0) {
        perror("storm: pipe");
        exit(2);
    }
    pid_t pid = fork();
    if (pid < 0) {
        perror("storm: fork");
        exit(2);
    }
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        dup2(p[1], 1);
        close(p[0]);
        close(p[1]);
        execvp(program[0], program);
        perror("storm: exec");
        _exit(127);
    }
    close(p[1]);
    *out_fd = p[0];
    return pid;
}

/* A sender: `count` signals in turn from kinds[offset], as fast as it can.
 * It stops early, with status 1, once the target is gone. */
static pid_t spawn_sender(pid_t target, long count, int offset)
{
    pid_t pid = fork();
    if (pid < 0) {
        perror("storm: fork");
        exit(2);
    }
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        for (long i = 0; i < count; i++)
            if (kill(target, kinds[(i + offset) % NKINDS]) < 0 &&
                errno == ESRCH)
                _exit(1);
        _exit(0);
    }
    return pid;
}

/* The target's resident set in kB, or -1 when /proc cannot tell. */
static long rss_kb(pid_t pid)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    long kb = -1;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "VmRSS: %ld kB", &kb) == 1)
            break;
    fclose(f);
    return kb;
}

static pid_t target_pid;

static void fail(const char *fmt, const char *detail)
{
    fprintf(stderr, "storm: FAIL: ");
    fprintf(stderr, fmt, detail);
    fputc('\n', stderr);
    if (target_pid > 0)
        kill(target_pid, SIGKILL);
    exit(1);
}

/* Whether the target has already ended; reports how if it did. */
static int target_ended(int *status)
{
    pid_t r = waitpid(target_pid, status, WNOHANG);
    if (r == target_pid) {
        target_pid = 0;
        return 1;
    }
    return 0;
}

static void describe_status(int status, char *buf, size_t n)
{
    if (WIFSIGNALED(status))
        snprintf(buf, n, "killed by signal %d (%s)", WTERMSIG(status),
                 strsignal(WTERMSIG(status)));
    else
        snprintf(buf, n, "exited with status %d", WEXITSTATUS(status));
}

typedef struct Rss {
    long base;  /* the first sample one second or more into the storm */
    long max;   /* the largest sample after that */
} Rss;

/* Phase 2: run the senders to completion, watching the target. */
static void storm(const Options *o, Rss *rss)
{
    pid_t senders[2];
    int done[2] = {0, 0};
    senders[0] = spawn_sender(target_pid, o->signals / 2, 0);
    senders[1] = spawn_sender(target_pid, o->signals - o->signals / 2, 2);
    double start = now();
    while (!done[0] || !done[1]) {
        for (int i = 0; i < 2; i++) {
            int st;
            if (!done[i] && waitpid(senders[i], &st, WNOHANG) == senders[i])
                done[i] = 1;
        }
        int st;
        char how[128];
        if (target_ended(&st)) {
            describe_status(st, how, sizeof how);
            fail("the target died during the storm: %s", how);
        }
        long kb = rss_kb(target_pid);
        if (kb > 0 && now() - start >= 1.0) {
            if (rss->base < 0)
                rss->base = kb;
            if (kb > rss->max)
                rss->max = kb;
        }
        if (now() - start > o->timeout)
            fail("%s", "the senders did not finish in time");
        nap_ms(50);
    }
    printf("storm: %ld signals sent in %.1f s\n", o->signals, now() - start);
}

static void expect_line(Lines *r, const char *want, double timeout,
                        const char *what)
{
    char line[512];
    int got = read_line(r, line, sizeof line, timeout);
    if (got < 0)
        fail("no '%s' line in time: deadlock or lost wakeup", want);
    if (got == 0)
        fail("the target ended before %s", what);
    if (strncmp(line, want, strlen(want)) != 0)
        fail("unexpected line from the target: %s", line);
    printf("storm: target says: %s\n", line);
}

static void parse(int argc, char **argv, Options *o)
{
    int c;
    o->signals = 1000000;
    o->timeout = 120;
    o->check_rss = 1;
    while ((c = getopt(argc, argv, "n:t:R")) != -1) {
        if (c == 'n')
            o->signals = atol(optarg);
        else if (c == 't')
            o->timeout = atof(optarg);
        else if (c == 'R')
            o->check_rss = 0;
        else
            exit(2);
    }
    if (optind >= argc) {
        fprintf(stderr, "usage: storm [-n SIGNALS] [-t SECONDS] [-R] -- "
                        "PROGRAM [ARG ...]\n");
        exit(2);
    }
    o->program = argv + optind;
}

int main(int argc, char **argv)
{
    Options o;
    parse(argc, argv, &o);
    signal(SIGPIPE, SIG_IGN);
    Lines out = {.n = 0};
    target_pid = spawn_target(o.program, &out.fd);
    expect_line(&out, "ready", o.timeout, "it was ready");

    Rss rss = {-1, -1};
    storm(&o, &rss);

    kill(target_pid, SIGHUP);
    expect_line(&out, "marker", o.timeout, "it saw the marker");
    for (int i = 0; i < NKINDS; i++)
        kill(target_pid, kinds[i]);
    expect_line(&out, "handled", o.timeout, "it handled the last signals");

    int st = 0;
    double deadline = now() + o.timeout;
    while (!target_ended(&st)) {
        if (now() > deadline)
            fail("%s", "the target did not exit in time");
        nap_ms(10);
    }
    char how[128];
    describe_status(st, how, sizeof how);
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
        fail("the target %s", how);

    if (rss.base > 0) {
        printf("storm: target RSS %ld kB after 1 s, at most %ld kB later\n",
               rss.base, rss.max);
        if (o.check_rss && rss.max > rss.base + rss.base / 4 + 8192) {
            char d[64];
            snprintf(d, sizeof d, "%ld kB -> %ld kB", rss.base, rss.max);
            fail("RSS grew during the storm: %s", d);
        }
    }
    printf("storm: ok\n");
    return 0;
}
