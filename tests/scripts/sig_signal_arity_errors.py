# Arity errors of the Python-level wrappers signal() and getsignal().
import signal

def h(signum, frame):
    pass

try:
    signal.signal(signal.SIGUSR1)
except TypeError as e:
    print('TypeError', e)
try:
    signal.signal(signal.SIGUSR1, h, 3)
except TypeError as e:
    print('TypeError', e)
try:
    signal.signal()
except TypeError as e:
    print('TypeError', e)
try:
    signal.getsignal()
except TypeError as e:
    print('TypeError', e)
try:
    signal.getsignal(1, 2)
except TypeError as e:
    print('TypeError', e)
