# default_int_handler installed for SIGALRM turns a timer tick during a
# blocked os.read into KeyboardInterrupt.
import os
import signal

r, w = os.pipe()
signal.signal(signal.SIGALRM, signal.default_int_handler)
try:
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    os.read(r, 10)
    print('not reached')
except KeyboardInterrupt as e:
    print('KeyboardInterrupt', e.args)
print(signal.getitimer(signal.ITIMER_REAL))
