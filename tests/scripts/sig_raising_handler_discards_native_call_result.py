# A long native call is not interrupted part-way; a raising handler's
# exception replaces its result, so the assignment never happens.
import signal

class Alarm(Exception):
    pass

def handler(signum, frame):
    raise Alarm('during sum')

signal.signal(signal.SIGALRM, handler)
try:
    signal.setitimer(signal.ITIMER_REAL, 0.001)
    total = sum(range(10 ** 7))
    print('not reached')
except Alarm as e:
    print('Alarm', e)
try:
    total
    print('assigned')
except NameError as e:
    print('NameError', e)
