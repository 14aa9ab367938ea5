# Every time argument (time.sleep, setitimer, sigtimedwait, select, poll,
# lock/condition/event/semaphore timeouts, Thread.join) is read as CPython
# reads it: through 64-bit nanoseconds, with the same errors at the same
# values (floats: "out of range for platform time_t"; ints: "too large to
# convert to C _PyTime_t"), NaN refused, and the per-call rules for
# negative and huge values. Calls that would wait are cut short by a 50 ms
# timer whose handler raises, so "TimeoutError alarm" means "accepted".
import select
import signal
import threading
import time


def alarm(signum, frame):
    raise TimeoutError("alarm")


signal.signal(signal.SIGALRM, alarm)


def t(label, f):
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    try:
        r = f()
        print(label, "ok", r)
    except Exception as e:
        print(label, type(e).__name__, e)
    signal.setitimer(signal.ITIMER_REAL, 0)


vals = [9.2e9, 9.3e9, 1e11, -9.3e9, 9223372036, 9223372037, 10**11, -10**11,
        float("inf"), float("-inf"), float("nan"), -1, -1.0000000001, -0.5, 0,
        1e-10, 4.2e6, 9.3e6]
held = threading.Lock()
held.acquire()
rheld = threading.RLock()
worker = threading.Thread(target=rheld.acquire)
worker.start()
worker.join()
empty = threading.Semaphore(0)
cond = threading.Condition()
for v in vals:
    t("sleep %r" % (v,), lambda: time.sleep(v))
    t("setitimer %r" % (v,), lambda: (signal.setitimer(signal.ITIMER_VIRTUAL, v), signal.setitimer(signal.ITIMER_VIRTUAL, 0))[1][0] > 0)
    t("setitimer-interval %r" % (v,), lambda: (signal.setitimer(signal.ITIMER_VIRTUAL, 100, v), signal.setitimer(signal.ITIMER_VIRTUAL, 0))[1][1] > 0)
    t("sigtimedwait %r" % (v,), lambda: signal.sigtimedwait([signal.SIGUSR2], v))
    t("select %r" % (v,), lambda: select.select([], [], [], v))
    t("poll %r" % (v,), lambda: select.poll().poll(v))
    t("acquire %r" % (v,), lambda: held.acquire(True, v))
    t("rlock %r" % (v,), lambda: rheld.acquire(timeout=v))
    t("event %r" % (v,), lambda: threading.Event().wait(v))
    with cond:
        t("condition %r" % (v,), lambda: cond.wait(v))
        t("wait_for %r" % (v,), lambda: cond.wait_for(lambda: False, v))
    if v == v:
        t("semaphore %r" % (v,), lambda: empty.acquire(timeout=v))
    t("join %r" % (v,), lambda: worker.join(v))

for bad in ("x", None, [1]):
    t("sleep %r" % (bad,), lambda: time.sleep(bad))
    t("setitimer %r" % (bad,), lambda: signal.setitimer(signal.ITIMER_VIRTUAL, bad))
    t("select %r" % (bad,), lambda: select.select([], [], [], bad))
    t("poll %r" % (bad,), lambda: select.poll().poll(bad))
    t("acquire %r" % (bad,), lambda: held.acquire(True, bad))
t("acquire non-blocking with timeout", lambda: held.acquire(False, 1))
t("acquire non-blocking with -1", lambda: held.acquire(False, -1))
t("semaphore available, odd timeout", lambda: threading.Semaphore(1).acquire(timeout=float("inf")))
