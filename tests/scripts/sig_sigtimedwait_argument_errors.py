# sigtimedwait/sigwaitinfo argument validation.
import signal

def show(f, *args):
    try:
        print('ok', f(*args))
    except Exception as e:
        print(type(e).__name__, e)

show(signal.sigtimedwait, [signal.SIGUSR1])
show(signal.sigtimedwait, [signal.SIGUSR1], 1, 2)
show(signal.sigtimedwait, [signal.SIGUSR1], -1.0)
show(signal.sigtimedwait, [signal.SIGUSR1], -1)
show(signal.sigtimedwait, [signal.SIGUSR1], 'x')
show(signal.sigtimedwait, [signal.SIGUSR1], None)
show(signal.sigtimedwait, [signal.SIGUSR1], float('nan'))
show(signal.sigtimedwait, 5, 0)
show(signal.sigtimedwait, [0], 0)
show(signal.sigtimedwait, [99], 0)
show(signal.sigwaitinfo, 5)
show(signal.sigwaitinfo, ['x'])
show(signal.sigwaitinfo, [65])
show(signal.sigwaitinfo)
