# A repeating ITIMER_REAL with a handler; pause() until the handler has run
# three times, then the handler disarms the timer itself.
import signal

count = [0]

def handler(signum, frame):
    # A fourth tick may already be on its way when the third disarms the
    # timer (a loaded machine delays handlers): it is not counted.
    if count[0] == 3:
        return
    count[0] += 1
    if count[0] == 3:
        signal.setitimer(signal.ITIMER_REAL, 0)

signal.signal(signal.SIGALRM, handler)
signal.setitimer(signal.ITIMER_REAL, 0.01, 0.01)
while count[0] < 3:
    signal.pause()
print('count', count[0])
print(signal.getitimer(signal.ITIMER_REAL))
