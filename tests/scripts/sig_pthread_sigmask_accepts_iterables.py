# The mask argument is any iterable of ints: list, tuple, set, range,
# generator, Signals members; a SIG_BLOCK with an empty set reads the mask.
import signal

signal.pthread_sigmask(signal.SIG_SETMASK, [])
signal.pthread_sigmask(signal.SIG_BLOCK, (signal.SIGUSR1,))
signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR2})
signal.pthread_sigmask(signal.SIG_BLOCK, range(40, 43))
signal.pthread_sigmask(signal.SIG_BLOCK, (s for s in [signal.SIGHUP, 50]))
current = signal.pthread_sigmask(signal.SIG_BLOCK, [])
print([repr(s) for s in sorted(current)])
old = signal.pthread_sigmask(signal.SIG_UNBLOCK, [41, signal.SIGHUP])
print(len(old))
print(sorted(signal.pthread_sigmask(signal.SIG_SETMASK, set())))
print(signal.pthread_sigmask(signal.SIG_BLOCK, []))
