# Real-time signals are ordinary signal numbers for the Python layer:
# after an unblock their handlers also run in ascending number, after the
# classic signals.
import os
import signal

log = []

def handler(signum, frame):
    log.append(signum)

rt = [signal.SIGRTMIN + 5, signal.SIGRTMIN + 1, signal.SIGRTMAX]
sigs = rt + [signal.SIGUSR2, signal.SIGUSR1]
for sig in sigs:
    signal.signal(sig, handler)
signal.pthread_sigmask(signal.SIG_BLOCK, sigs)
for sig in sigs:
    os.kill(os.getpid(), sig)
pending = signal.sigpending()
print([repr(s) for s in sorted(pending)])
signal.pthread_sigmask(signal.SIG_UNBLOCK, sigs)
print(log)
