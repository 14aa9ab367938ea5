# PEP 475: sigtimedwait interrupted by a non-raising handler is retried with
# the remaining timeout and returns None when it expires.
import signal
import time

count = [0]

def handler(signum, frame):
    count[0] += 1

signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
signal.signal(signal.SIGALRM, handler)
signal.setitimer(signal.ITIMER_REAL, 0.05, 0.05)
t0 = time.monotonic()
result = signal.sigtimedwait([signal.SIGUSR1], 0.3)
elapsed = time.monotonic() - t0
signal.setitimer(signal.ITIMER_REAL, 0)
print(result)
print('count >= 1:', count[0] >= 1)
print('waited the whole timeout:', elapsed >= 0.29)
