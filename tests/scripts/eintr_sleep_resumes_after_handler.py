# PEP 475: a non-raising handler does not cut time.sleep short; the sleep
# resumes and returns None after the full time.
import signal
import time

count = [0]

def handler(signum, frame):
    count[0] += 1

signal.signal(signal.SIGALRM, handler)
signal.setitimer(signal.ITIMER_REAL, 0.05, 0.05)
t0 = time.monotonic()
result = time.sleep(0.3)
elapsed = time.monotonic() - t0
signal.setitimer(signal.ITIMER_REAL, 0)
print('sleep returned', result)
print('count >= 1:', count[0] >= 1)
print('slept the full time:', elapsed >= 0.299)
