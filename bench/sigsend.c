/* sigsend: the signal sender of the signal benchmarks (bench/run.py compiles
 * it with `cc -O2 -o sigsend sigsend.c` into a temporary directory).
 *
 *   sigsend latency PID COUNT FD
 *       Waits for the byte 'R' on FD (the script has installed its SIGUSR1
 *       handler), then COUNT times: sleeps a pseudo-random 20..120 us (so the
 *       signal lands at a random point of the script's busy loop), reads
 *       CLOCK_MONOTONIC, calls kill(PID, SIGUSR1), and waits until the
 *       script writes one byte to FD (it does once its handler has run), so
 *       no signal is ever sent while the previous one is still pending
 *       (standard signals coalesce).
 *       Prints the COUNT send times as "SECONDS.NANOSECONDS", one a line.
 *       time.perf_counter() is CLOCK_MONOTONIC on Linux, so the runner takes
 *       latency = (handler's perf_counter()) - (send time).
 *
 *   sigsend pingpong PID COUNT FD
 *       Waits for 'R' on FD, then COUNT times: kill(PID, SIGUSR1) and wait
 *       (blocked in poll) for the script's byte on FD, then the next kill at
 *       once. One signal is in flight at a time: a flood of back-to-back
 *       kill()s would only measure the kernel (it coalesces the signals and
 *       livelocks the target in signal delivery). Blocking rather than
 *       spinning: on a loaded 2-CPU machine a spinning sender fights the
 *       script for a CPU and the figure collapses by 10-50x.
 *       Prints "COUNT SECONDS": the signals sent and the time from the first
 *       kill() to the last answer.
 *
 *   sigsend rss COMMAND [ARG ...]
 *       Runs COMMAND, waits for it with wait4() and prints its peak resident
 *       set size in KiB (ru_maxrss), like `/usr/bin/time -f %M`; run.py uses
 *       it when /usr/bin/time is missing. (The runner cannot measure this
 *       itself: a child's ru_maxrss also counts the memory it had before
 *       exec(), i.e. a copy of its big parent, so the parent must be small.)
 *
 * Exit status 0 on success, 1 on a usage error, 2 if the script stopped
 * answering (no handshake byte within 10 s, end of file, or kill failed).
 */
#define _DEFAULT_SOURCE
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int wait_byte(int fd, int timeout_ms, char *out)
{
    struct pollfd p = {.fd = fd, .events = POLLIN};
    for (;;) {
        int r = poll(&p, 1, timeout_ms);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return -1; /* timeout or error */
        ssize_t n = read(fd, out, 1);
        if (n < 0 && errno == EINTR)
            continue;
        return n == 1 ? 0 : -1; /* 0 bytes: end of file */
    }
}

static int latency(pid_t pid, long count, int fd)
{
    char c;
    struct timespec *sent = calloc((size_t)count, sizeof *sent);
    if (!sent)
        return 1;
    if (wait_byte(fd, 10000, &c) != 0 || c != 'R') {
        fprintf(stderr, "sigsend: no ready byte from the script\n");
        return 2;
    }
    unsigned long long rng = 88172645463325252ULL;
    long done = 0;
    int rc = 0;
    for (long i = 0; i < count; i++) {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        struct timespec nap = {0, 20000 + (long)(rng % 100000)};
        while (nanosleep(&nap, &nap) != 0 && errno == EINTR)
            ;
        clock_gettime(CLOCK_MONOTONIC, &sent[i]);
        if (kill(pid, SIGUSR1) != 0) {
            fprintf(stderr, "sigsend: kill: %s\n", strerror(errno));
            rc = 2;
            break;
        }
        if (wait_byte(fd, 10000, &c) != 0) {
            fprintf(stderr, "sigsend: no answer to signal %ld\n", i);
            rc = 2;
            break;
        }
        done++;
    }
    for (long i = 0; i < done; i++)
        printf("%lld.%09ld\n", (long long)sent[i].tv_sec, sent[i].tv_nsec);
    free(sent);
    return rc;
}

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int pingpong(pid_t pid, long count, int fd)
{
    char c;
    if (wait_byte(fd, 10000, &c) != 0 || c != 'R') {
        fprintf(stderr, "sigsend: no ready byte from the script\n");
        return 2;
    }
    double t0 = now_s();
    long done = 0;
    int rc = 0;
    for (long i = 0; i < count; i++) {
        if (kill(pid, SIGUSR1) != 0) {
            fprintf(stderr, "sigsend: kill: %s\n", strerror(errno));
            rc = 2;
            break;
        }
        if (wait_byte(fd, 10000, &c) != 0) {
            fprintf(stderr, "sigsend: no answer to signal %ld\n", i);
            rc = 2;
            break;
        }
        done++;
    }
    printf("%ld %.9f\n", done, now_s() - t0);
    return rc;
}

static int rss(char **cmd)
{
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "sigsend: fork: %s\n", strerror(errno));
        return 2;
    }
    if (pid == 0) {
        execvp(cmd[0], cmd);
        _exit(127);
    }
    int status;
    struct rusage ru;
    while (wait4(pid, &status, 0, &ru) < 0)
        if (errno != EINTR)
            return 2;
    printf("%ld\n", ru.ru_maxrss);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 2;
}

int main(int argc, char **argv)
{
    if (argc >= 3 && strcmp(argv[1], "rss") == 0)
        return rss(argv + 2);
    if (argc == 5 && strcmp(argv[1], "latency") == 0)
        return latency((pid_t)atol(argv[2]), atol(argv[3]), atoi(argv[4]));
    if (argc == 5 && strcmp(argv[1], "pingpong") == 0)
        return pingpong((pid_t)atol(argv[2]), atol(argv[3]), atoi(argv[4]));
    fprintf(stderr, "usage: sigsend latency|pingpong PID COUNT FD | sigsend rss COMMAND...\n");
    return 1;
}
