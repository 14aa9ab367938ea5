# signal_latency: how long from kill() in another process to the first line
# of the script's SIGUSR1 handler, while the main thread runs a busy loop.
#
#   signal_latency.py COUNT FD
#
# run.py starts this script with the write end of a pipe as FD, then starts
# `sigsend latency PID COUNT FD-read-end`. The script installs the handler and
# writes 'R'; the sender then sends COUNT signals one at a time, each after a
# short random pause, noting CLOCK_MONOTONIC just before kill(); the handler
# notes time.perf_counter() (CLOCK_MONOTONIC on Linux) first thing; back in
# the busy loop, the script writes one byte to FD so the sender knows it may
# send the next one. (Acknowledging from the handler itself would let the
# next signal arrive before the handler returns: handlers would nest, without
# limit under load, until RecursionError.)
# Output: the checksum line "signal_latency COUNT" (the number of handler
# runs), then one handler start time per line; run.py pairs them with the
# sender's times: latency = handler start - kill() time.
import os
import signal
import sys
import time

count = 0
stamps = []
ack_fd = -1


def handler(signum, frame, now=time.perf_counter):
    global count
    stamps[count] = now()
    count += 1


def main():
    global stamps, ack_fd
    if len(sys.argv) != 3:
        sys.stderr.write("usage: signal_latency.py COUNT FD (run it through bench/run.py)\n")
        sys.exit(2)
    n = int(sys.argv[1])
    ack_fd = int(sys.argv[2])
    stamps = [0.0] * n
    signal.signal(signal.SIGUSR1, handler)
    os.write(ack_fd, b"R")
    deadline = time.perf_counter() + 60.0
    x = 1
    acked = 0
    while acked < n:
        j = 0
        while j < 1000:
            x = (x * 1103515245 + 12345) & 0x7FFFFFFF
            if count != acked:
                acked = count
                os.write(ack_fd, b"a")
            j += 1
        if time.perf_counter() > deadline:
            break
    signal.signal(signal.SIGUSR1, signal.SIG_IGN)
    print("signal_latency", count)
    for i in range(count):
        print(stamps[i])


main()
