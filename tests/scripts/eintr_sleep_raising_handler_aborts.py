# PEP 475: a raising handler aborts time.sleep with its exception at once
# (no InterruptedError, no retry).
import signal
import time

class Alarm(Exception):
    pass

def handler(signum, frame):
    raise Alarm('woke up')

signal.signal(signal.SIGALRM, handler)
t0 = time.monotonic()
try:
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    time.sleep(3)
    print('not reached')
except Alarm as e:
    print('Alarm', e)
elapsed = time.monotonic() - t0
print('aborted early:', elapsed < 2.0)
try:
    time.sleep(-1)
except ValueError as e:
    print('ValueError', e)
