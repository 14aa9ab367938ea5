# A full non-blocking wakeup pipe gives "Exception ignored ...
# BlockingIOError" unless warn_on_full_buffer=False; the flag does not stick
# across calls.  (The handler is a C callable, so the report names the
# caller's line.)
import os
import signal

calls = []
r, w = os.pipe()
os.set_blocking(w, False)
filled = 0
try:
    while True:
        filled += os.write(w, b'x' * 4096)
except BlockingIOError:
    pass
print('pipe filled:', filled > 0)
signal.signal(signal.SIGUSR1, calls.insert)
signal.set_wakeup_fd(w)
signal.raise_signal(signal.SIGUSR1)
print('default: calls', len(calls))
signal.set_wakeup_fd(w, warn_on_full_buffer=True)
signal.raise_signal(signal.SIGUSR1)
print('True: calls', len(calls))
signal.set_wakeup_fd(w, warn_on_full_buffer=False)
signal.raise_signal(signal.SIGUSR1)
print('False: calls', len(calls))
signal.set_wakeup_fd(w)
signal.raise_signal(signal.SIGUSR1)
print('default again: calls', len(calls))
signal.set_wakeup_fd(-1)
