# signal_throughput: how many SIGUSR1 handler runs per second the VM manages
# while its main thread runs a busy loop, with one signal in flight at a time.
#
#   signal_throughput.py COUNT FD
#
# run.py starts this script with the write end of a pipe as FD, then starts
# `sigsend pingpong PID COUNT FD-read-end`. The script installs the handler
# and writes 'R'; the sender then sends SIGUSR1, waits for the byte that the
# busy loop writes to the pipe once it sees that the handler has run, and
# sends the next one at once, COUNT times. The rate is COUNT over the sender's
# time from its first kill() to the last answer: per signal, delivery + the
# VM noticing it + running the handler + back in the loop + the sender waking
# up. (The handler does not write the byte itself: the next signal could then
# arrive before it returns, and handlers would nest until RecursionError.)
# Output: the checksum line "signal_throughput COUNT" (handler runs), then
# "elapsed SECONDS" measured inside the script.
import os
import signal
import sys
import time

count = 0
ack_fd = -1


def handler(signum, frame):
    global count
    count += 1


def main():
    global ack_fd
    if len(sys.argv) != 3:
        sys.stderr.write("usage: signal_throughput.py COUNT FD (run it through bench/run.py)\n")
        sys.exit(2)
    n = int(sys.argv[1])
    ack_fd = int(sys.argv[2])
    signal.signal(signal.SIGUSR1, handler)
    os.write(ack_fd, b"R")
    t0 = time.perf_counter()
    deadline = t0 + 60.0
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
    t1 = time.perf_counter()
    signal.signal(signal.SIGUSR1, signal.SIG_IGN)
    print("signal_throughput", count)
    print("elapsed", t1 - t0)


main()
