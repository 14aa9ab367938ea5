# PEP 475: a raising handler aborts poll() with its exception.
import os
import select
import signal

class Alarm(Exception):
    pass

def handler(signum, frame):
    raise Alarm('poll interrupted')

r, w = os.pipe()
p = select.poll()
p.register(r, select.POLLIN)
signal.signal(signal.SIGALRM, handler)
try:
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    p.poll()
    print('not reached')
except Alarm as e:
    print('Alarm', e)
os.write(w, b'x')
print(p.poll(0) == [(r, select.POLLIN)])
