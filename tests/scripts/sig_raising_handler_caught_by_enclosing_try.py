# A handler's exception surfaces in the code that ran it (here inside
# os.kill), so the nearest enclosing try catches it; the rest of the try
# body is skipped.
import os
import signal

class Alarm(Exception):
    pass

def handler(signum, frame):
    raise Alarm('signal %d' % signum)

signal.signal(signal.SIGUSR1, handler)

def inner():
    try:
        os.kill(os.getpid(), signal.SIGUSR1)
        print('not reached')
    except ValueError:
        print('wrong except')
    print('not reached either')

def outer():
    try:
        inner()
    except Alarm as e:
        print('outer caught', type(e).__name__, e)
        return 'handled'

print(outer())
try:
    signal.raise_signal(signal.SIGUSR1)
except Alarm as e:
    print('module caught', e)
