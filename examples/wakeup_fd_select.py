# signal.set_wakeup_fd: the C handler also writes the signal number to a
# file descriptor, so an event loop waiting in select() wakes up and can
# see which signal arrived.
import os
import select
import signal

r, w = os.pipe()
os.set_blocking(w, False)
signal.set_wakeup_fd(w)
signal.signal(signal.SIGALRM, lambda signum, frame: print("handler ran"))
signal.setitimer(signal.ITIMER_REAL, 0.05)
readable, _, _ = select.select([r], [], [], 5.0)
print("select woke up, readable:", readable == [r])
data = os.read(r, 16)
print("wakeup bytes:", list(data), "== SIGALRM:", data[0] == signal.SIGALRM)
signal.set_wakeup_fd(-1)
