# Two blocked signals released together both write their byte (the kernel
# decides the order, so compare as a set); coalesced repeats write one byte.
import os
import signal

log = []

def handler(signum, frame):
    log.append(signum)

signal.signal(signal.SIGUSR1, handler)
signal.signal(signal.SIGUSR2, handler)
r, w = os.pipe()
os.set_blocking(w, False)
signal.set_wakeup_fd(w)
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1, signal.SIGUSR2])
for i in range(3):
    os.kill(os.getpid(), signal.SIGUSR2)
    os.kill(os.getpid(), signal.SIGUSR1)
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1, signal.SIGUSR2])
data = os.read(r, 100)
print(len(data), sorted(data))
print(log)
