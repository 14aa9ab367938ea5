# The Lib/signal.py wrapper passes both arguments through int() when int()
# accepts them, so floats and numeric strings name signals, and 0/1-like
# handlers mean SIG_DFL/SIG_IGN.
import signal

def h(signum, frame):
    pass

signal.signal(10.7, h)
print(signal.getsignal(signal.SIGUSR1) is h)
signal.signal('12', h)
print(signal.getsignal(signal.SIGUSR2) is h)
for handler in (0, 1, 1.0, '0', True, False, signal.SIG_IGN, signal.SIG_DFL):
    signal.signal(signal.SIGUSR1, handler)
    print(repr(handler), '->', repr(signal.getsignal(signal.SIGUSR1)))
signal.signal(signal.Signals.SIGUSR2, signal.Handlers.SIG_DFL)
print(repr(signal.getsignal(signal.SIGUSR2)))
