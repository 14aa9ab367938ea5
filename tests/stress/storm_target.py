# The signal storm's target, run by tests/stress/storm (see storm.c for the
# protocol).  While two other processes and an interval timer flood it with
# SIGUSR1, SIGUSR2, SIGALRM and SIGCHLD, the main thread computes and
# allocates and a worker thread computes, so signals land on both threads.
# The handlers count.  SIGHUP is the marker: the storm is over.  The script
# then waits until one more signal of each kind has been handled, and
# checks that every count is positive and that no handler ran off the main
# thread.  A signal lost after the marker shows as a script that never
# prints its last line, which the driver reports.
import signal
import threading

KINDS = [signal.SIGUSR1, signal.SIGUSR2, signal.SIGALRM, signal.SIGCHLD]
main_ident = threading.get_ident()
counts = {s: 0 for s in KINDS}
after_marker = {s: 0 for s in KINDS}
off_main = [0]
state = {"marker": False, "stop": False}


def count(signum, frame):
    if threading.get_ident() != main_ident:
        off_main[0] += 1
    counts[signum] += 1
    after_marker[signum] += 1


def marker(signum, frame):
    # No timer signal may pass for one of the driver's last signals.
    signal.setitimer(signal.ITIMER_REAL, 0, 0)
    if threading.get_ident() != main_ident:
        off_main[0] += 1
    state["marker"] = True


def worker():
    n = 0
    while not state["stop"]:
        n += sum(range(200))


def work(i):
    table = {}
    for k in range(40):
        table[k] = [str(k) * 3, (k, i), {"k": k}]
    text = ",".join(v[0] for v in table.values())
    return len(text) + len(table)


for s in KINDS:
    signal.signal(s, count)
signal.signal(signal.SIGHUP, marker)
signal.setitimer(signal.ITIMER_REAL, 0.0005, 0.0005)
thread = threading.Thread(target=worker)
thread.start()
print("ready", flush=True)

i = 0
while not state["marker"]:
    work(i)
    i += 1
for s in KINDS:
    after_marker[s] = 0
print("marker", flush=True)

while min(after_marker.values()) == 0:
    work(i)
    i += 1
state["stop"] = True
thread.join()

names = {signal.SIGUSR1: "USR1", signal.SIGUSR2: "USR2",
         signal.SIGALRM: "ALRM", signal.SIGCHLD: "CHLD"}
report = " ".join("%s=%d" % (names[s], counts[s]) for s in KINDS)
missing = [names[s] for s in KINDS if counts[s] == 0]
if missing or off_main[0]:
    print("FAIL handled %s; never handled: %s; off the main thread: %d"
          % (report, " ".join(missing) or "-", off_main[0]), flush=True)
    raise SystemExit(1)
print("handled %s iterations=%d" % (report, i), flush=True)
