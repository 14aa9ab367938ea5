# setitimer/getitimer validation: arity, conversion of the time values,
# and the kernel's EINVAL reported as signal.itimer_error.
import signal

def show(f, *args):
    try:
        print('ok', f(*args))
    except Exception as e:
        print(type(e).__name__, e)

show(signal.setitimer, signal.ITIMER_REAL)
show(signal.setitimer, signal.ITIMER_REAL, 1, 2, 3)
show(signal.setitimer, signal.ITIMER_REAL, 'x')
show(signal.setitimer, signal.ITIMER_REAL, None)
show(signal.setitimer, signal.ITIMER_REAL, float('nan'))
show(signal.setitimer, signal.ITIMER_REAL, 1e300)
show(signal.setitimer, signal.ITIMER_REAL, 0, 'y')
show(signal.setitimer, -1, 0)
show(signal.setitimer, 3, 0)
show(signal.setitimer, signal.ITIMER_REAL, -1)
show(signal.setitimer, signal.ITIMER_REAL, 1, -1)
show(signal.getitimer, -1)
show(signal.getitimer, 'x')
show(signal.getitimer)
show(signal.getitimer, signal.ITIMER_REAL)
