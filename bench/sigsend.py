#!/usr/bin/env python3
"""Fallback for sigsend.c when no C compiler is found: the same command line
and output, in Python (run.py uses it with python3). Its own overhead before
each kill() is not part of the latency figure (the send time is read just
before kill()), but the compiled sender is preferred.

    sigsend.py latency PID COUNT FD
    sigsend.py pingpong PID COUNT FD
"""
import os
import select
import signal
import sys
import time


def now():
    return time.clock_gettime(time.CLOCK_MONOTONIC)


def wait_byte(fd, timeout_ms):
    p = select.poll()
    p.register(fd, select.POLLIN)
    if not p.poll(timeout_ms):
        return None
    b = os.read(fd, 1)
    return b if b else None


def latency(pid, count, fd):
    if wait_byte(fd, 10000) != b"R":
        sys.stderr.write("sigsend: no ready byte from the script\n")
        return 2
    rng = 88172645463325252
    sent = []
    rc = 0
    for i in range(count):
        rng ^= (rng << 13) & 0xFFFFFFFFFFFFFFFF
        rng ^= rng >> 7
        rng ^= (rng << 17) & 0xFFFFFFFFFFFFFFFF
        time.sleep((20000 + rng % 100000) * 1e-9)
        t = time.clock_gettime_ns(time.CLOCK_MONOTONIC)
        try:
            os.kill(pid, signal.SIGUSR1)
        except OSError as e:
            sys.stderr.write("sigsend: kill: %s\n" % e)
            rc = 2
            break
        if wait_byte(fd, 10000) is None:
            sys.stderr.write("sigsend: no answer to signal %d\n" % i)
            rc = 2
            break
        sent.append(t)
    sys.stdout.write("".join("%d.%09d\n" % divmod(t, 10**9) for t in sent))
    return rc


def pingpong(pid, count, fd):
    if wait_byte(fd, 10000) != b"R":
        sys.stderr.write("sigsend: no ready byte from the script\n")
        return 2
    t0 = now()
    done = 0
    rc = 0
    for i in range(count):
        try:
            os.kill(pid, signal.SIGUSR1)
        except OSError as e:
            sys.stderr.write("sigsend: kill: %s\n" % e)
            rc = 2
            break
        if wait_byte(fd, 10000) is None:
            sys.stderr.write("sigsend: no answer to signal %d\n" % i)
            rc = 2
            break
        done += 1
    print(done, "%.9f" % (now() - t0))
    return rc


def main(argv):
    if len(argv) == 5 and argv[1] in ("latency", "pingpong"):
        f = latency if argv[1] == "latency" else pingpong
        return f(int(argv[2]), int(argv[3]), int(argv[4]))
    sys.stderr.write("usage: sigsend.py latency|pingpong PID COUNT FD\n")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
