# pause() returns None once a handled signal arrived and its handler ran
# (a repeating 10 ms timer, so a tick before pause() cannot hang it).
import signal

count = [0]

def handler(signum, frame):
    count[0] += 1

signal.signal(signal.SIGALRM, handler)
signal.setitimer(signal.ITIMER_REAL, 0.01, 0.01)
result = signal.pause()
signal.setitimer(signal.ITIMER_REAL, 0)
print('pause returned', result)
print('count >= 1:', count[0] >= 1)
try:
    signal.pause(1)
except TypeError as e:
    print('TypeError', e)
