# set_wakeup_fd returns the previous fd: -1 at first, then each fd in turn.
import os
import signal

r1, w1 = os.pipe()
r2, w2 = os.pipe()
os.set_blocking(w1, False)
os.set_blocking(w2, False)
print(signal.set_wakeup_fd(w1) == -1)
print(signal.set_wakeup_fd(w2) == w1)
print(signal.set_wakeup_fd(-1) == w2)
print(signal.set_wakeup_fd(-1) == -1)
print(signal.set_wakeup_fd(w1, warn_on_full_buffer=False) == -1)
print(signal.set_wakeup_fd(-1, warn_on_full_buffer=True) == w1)
for fd in (r1, w1, r2, w2):
    os.close(fd)
