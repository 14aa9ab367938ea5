# Signals blocked, raised in a scrambled order and unblocked together run
# their Python handlers in ascending signal number.
import os
import signal

log = []

def handler(signum, frame):
    log.append(signum)

sigs = [signal.SIGTERM, signal.SIGUSR2, signal.SIGHUP, signal.SIGUSR1,
        signal.SIGALRM]
for sig in sigs:
    signal.signal(sig, handler)
signal.pthread_sigmask(signal.SIG_BLOCK, sigs)
for sig in sigs:
    os.kill(os.getpid(), sig)
print('while blocked:', log)
print(sorted(signal.sigpending()))
signal.pthread_sigmask(signal.SIG_UNBLOCK, sigs)
print('after unblock:', log)
