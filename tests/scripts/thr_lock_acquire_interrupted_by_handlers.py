# Lock.acquire on the main thread (SIGNALS.md 8.5): a raising handler aborts
# the wait; after a quiet handler the wait goes on (here the handler itself
# releases the lock, so the retried acquire succeeds).
import signal
import threading


class Alarm(Exception):
    pass


def raising(signum, frame):
    raise Alarm("from handler")


for lock in (threading.Lock(), threading.RLock()):
    kind = type(lock).__name__
    # An RLock held by another thread, a Lock held by anyone.
    holder_ready = threading.Event()
    release_it = threading.Event()

    def hold(lock=lock, ready=holder_ready, go=release_it):
        with lock:
            ready.set()
            go.wait()

    h = threading.Thread(target=hold)
    h.start()
    holder_ready.wait()
    signal.signal(signal.SIGALRM, raising)
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    try:
        lock.acquire()
        print(kind, "acquired?!")
    except Alarm as e:
        print(kind, "acquire aborted by", type(e).__name__, e)
    release_it.set()
    h.join()

lock = threading.Lock()
lock.acquire()
calls = []


def quiet(signum, frame):
    calls.append(signum)
    lock.release()


signal.signal(signal.SIGALRM, quiet)
signal.setitimer(signal.ITIMER_REAL, 0.05)
print("blocking acquire after a quiet handler:", lock.acquire())
signal.setitimer(signal.ITIMER_REAL, 0.05)
print("timed acquire after a quiet handler:", lock.acquire(timeout=30))
print("handler calls:", len(calls))
signal.signal(signal.SIGALRM, signal.SIG_DFL)
