# pthread_sigmask validation: arity, a bad `how`, and the sigset rules
# (iterable of ints within [1; NSIG-1]).
import signal

def show(*args):
    try:
        r = signal.pthread_sigmask(*args)
        print('ok', r)
    except Exception as e:
        print(type(e).__name__, e)

show()
show(signal.SIG_BLOCK)
show(1700, [])
show(-1, [signal.SIGUSR1])
show(signal.SIG_BLOCK, 5)
show(signal.SIG_BLOCK, None)
show(signal.SIG_BLOCK, ['x'])
show(signal.SIG_BLOCK, [1.5])
show(signal.SIG_BLOCK, [0])
show(signal.SIG_BLOCK, [signal.NSIG])
show(signal.SIG_BLOCK, [-5])
show(signal.SIG_BLOCK, [1 << 62])
show(signal.SIG_BLOCK, [signal.SIGUSR1, 65])
show('x', [])
show(signal.SIG_BLOCK, [])
