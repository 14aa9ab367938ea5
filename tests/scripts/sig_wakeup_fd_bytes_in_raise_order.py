# Bytes follow the order of the C-level deliveries: SIGUSR1 then SIGALRM.
import os
import signal

def handler(signum, frame):
    pass

signal.signal(signal.SIGUSR1, handler)
signal.signal(signal.SIGALRM, handler)
r, w = os.pipe()
os.set_blocking(w, False)
signal.set_wakeup_fd(w)
signal.raise_signal(signal.SIGUSR1)
signal.raise_signal(signal.SIGALRM)
os.kill(os.getpid(), signal.SIGUSR1)
print(list(os.read(r, 100)))
