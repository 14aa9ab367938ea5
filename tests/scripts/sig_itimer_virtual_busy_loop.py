# ITIMER_VIRTUAL counts user CPU time and sends SIGVTALRM; a busy loop runs
# until the handler has been called 3 times and disarmed the timer.
import signal

count = [0]

def handler(signum, frame):
    # A fourth tick may already be pending when the third disarms the
    # timer: it is not counted.
    if count[0] == 3:
        return
    count[0] += 1
    if count[0] == 3:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)

signal.signal(signal.SIGVTALRM, handler)
signal.setitimer(signal.ITIMER_VIRTUAL, 0.01, 0.01)
n = 0
while signal.getitimer(signal.ITIMER_VIRTUAL) != (0.0, 0.0):
    n += 1
print('count', count[0])
print(signal.getitimer(signal.ITIMER_VIRTUAL))
