# PEP 475: a raising handler aborts select() with its exception.
import os
import select
import signal

class Alarm(Exception):
    pass

def handler(signum, frame):
    raise Alarm('select interrupted')

r, w = os.pipe()
signal.signal(signal.SIGALRM, handler)
try:
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    select.select([r], [], [], 3)
    print('not reached')
except Alarm as e:
    print('Alarm', e)
print(select.select([r], [], [], 0))
