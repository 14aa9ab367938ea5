# The handler's first argument is a plain int, not a Signals member, even
# though signal.SIGUSR1 itself is one.
import os
import signal

seen = []

def handler(signum, frame):
    seen.append(signum)

signal.signal(signal.SIGUSR1, handler)
os.kill(os.getpid(), signal.SIGUSR1)
signal.raise_signal(signal.SIGUSR1)
for s in seen:
    print(repr(s), type(s).__name__, isinstance(s, signal.Signals), s == signal.SIGUSR1)
print(type(signal.SIGUSR1).__name__)
