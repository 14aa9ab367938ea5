# A raising handler's exception comes out of pause() (which is not
# retried).  The handler raises on its first call only; the repeating timer
# keeps pause() from hanging if the first tick lands just before it.
import signal

class Woken(Exception):
    pass

calls = [0]

def handler(signum, frame):
    calls[0] += 1
    if calls[0] == 1:
        raise Woken('tick')

signal.signal(signal.SIGALRM, handler)
signal.setitimer(signal.ITIMER_REAL, 0.01, 0.01)
try:
    signal.pause()
    print('not reached')
except Woken as e:
    print('Woken', e)
finally:
    signal.setitimer(signal.ITIMER_REAL, 0)
print(signal.getitimer(signal.ITIMER_REAL))
