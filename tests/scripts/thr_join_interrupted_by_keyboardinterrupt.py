# Thread.join on the main thread is interrupted by a handler raising
# KeyboardInterrupt; the worker is then released and the main thread waits
# for it through an Event (CPython 3.11 marks the thread stopped when its
# join is interrupted, bpo-45274, so a second join proves nothing).
import signal
import threading

go = threading.Event()
finished = threading.Event()


def worker():
    go.wait()
    finished.set()


def alarm(signum, frame):
    raise KeyboardInterrupt


signal.signal(signal.SIGALRM, alarm)
t = threading.Thread(target=worker)
t.start()
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    t.join()
    print("joined?!")
except KeyboardInterrupt:
    print("join interrupted by KeyboardInterrupt")
go.set()
print("worker finished:", finished.wait())
