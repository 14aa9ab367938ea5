# siginterrupt: range check, kernel errors, arity; returns None.
import signal

def show(*args):
    try:
        print('ok', signal.siginterrupt(*args))
    except Exception as e:
        print(type(e).__name__, e)

show(signal.SIGUSR1, True)
show(signal.SIGUSR1, False)
show(signal.SIGUSR1, 0)
show(0, True)
show(65, False)
show(-1, 1)
show(signal.SIGKILL, 1)
show(signal.SIGSTOP, 0)
show(signal.SIGUSR1)
show(signal.SIGUSR1, 1, 2)
show('x', 1)
show(signal.SIGUSR1, 'y')
print(repr(signal.getsignal(signal.SIGUSR1)))
