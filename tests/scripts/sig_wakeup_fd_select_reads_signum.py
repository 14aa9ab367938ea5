# With a wakeup fd, each C-level delivery writes the signal number as one
# byte: select() sees the pipe readable and the byte is the signum.
import os
import select
import signal

handled = []
signal.signal(signal.SIGUSR1, lambda s, f: handled.append(s))
r, w = os.pipe()
os.set_blocking(r, False)
os.set_blocking(w, False)
signal.set_wakeup_fd(w)
print(select.select([r], [], [], 0) == ([], [], []))
signal.raise_signal(signal.SIGUSR1)
print('handled', handled)
ready = select.select([r], [], [], 0)
print(ready == ([r], [], []))
data = os.read(r, 100)
print(data, list(data))
try:
    os.read(r, 100)
except BlockingIOError as e:
    print('BlockingIOError', e.errno)
signal.set_wakeup_fd(-1)
signal.raise_signal(signal.SIGUSR1)
print(select.select([r], [], [], 0) == ([], [], []), handled)
