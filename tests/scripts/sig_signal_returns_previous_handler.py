# signal.signal() returns the previous handler: a Handlers member for
# SIG_DFL/SIG_IGN, the very same callable otherwise.
import signal

def h1(signum, frame):
    pass

def h2(signum, frame):
    pass

old = signal.signal(signal.SIGUSR1, h1)
print(repr(old), type(old).__name__)
print(signal.signal(signal.SIGUSR1, h2) is h1)
print(signal.getsignal(signal.SIGUSR1) is h2)
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is h2)
print(repr(signal.signal(signal.SIGUSR1, signal.SIG_DFL)))
print(repr(signal.getsignal(signal.SIGUSR1)))
old_int = signal.signal(signal.SIGINT, h1)
print(old_int is signal.default_int_handler)
print(signal.signal(signal.SIGINT, old_int) is h1)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.signal(signal.SIGTERM, signal.SIG_IGN) == signal.SIG_DFL)
print(repr(signal.signal(signal.SIGTERM, signal.SIG_DFL)))
