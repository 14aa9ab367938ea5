# sigpending(): the blocked-and-raised signals as a set of Signals (plain
# ints for unnamed real-time signals); empty when nothing is pending.
import os
import signal

print(signal.sigpending(), type(signal.sigpending()).__name__)
sigs = [signal.SIGUSR2, 40, signal.SIGHUP]
for sig in sigs:
    signal.signal(sig, signal.SIG_IGN if sig == signal.SIGHUP else (lambda s, f: None))
signal.pthread_sigmask(signal.SIG_BLOCK, sigs)
for sig in sigs:
    os.kill(os.getpid(), sig)
pending = signal.sigpending()
print([repr(s) for s in sorted(pending)])
print([type(s).__name__ for s in sorted(pending)])
signal.pthread_sigmask(signal.SIG_UNBLOCK, sigs)
print(signal.sigpending())
try:
    signal.sigpending(1)
except TypeError as e:
    print('TypeError', e)
