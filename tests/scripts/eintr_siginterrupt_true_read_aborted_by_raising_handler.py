# siginterrupt(sig, True) keeps the default: the blocked os.read fails with
# EINTR, the handler runs and its exception aborts the read.
import os
import signal

class Alarm(Exception):
    pass

def handler(signum, frame):
    raise Alarm('interrupted')

r, w = os.pipe()
signal.signal(signal.SIGALRM, handler)
signal.siginterrupt(signal.SIGALRM, True)
try:
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    os.read(r, 10)
    print('not reached')
except Alarm as e:
    print('Alarm', e)
