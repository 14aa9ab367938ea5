# PEP 475: a raising handler aborts a blocked os.read with its exception;
# the pipe is untouched and usable afterwards.
import os
import signal

class Alarm(Exception):
    pass

def handler(signum, frame):
    raise Alarm('read interrupted')

r, w = os.pipe()
signal.signal(signal.SIGALRM, handler)
try:
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    os.read(r, 10)
    print('not reached')
except Alarm as e:
    print('Alarm', e)
os.write(w, b'still works')
print(os.read(r, 100))
