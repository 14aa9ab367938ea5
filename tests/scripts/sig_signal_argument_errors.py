# signal.signal() validation: range first, then the handler type, then the
# kernel's answer; exact messages.
import signal

def h(signum, frame):
    pass

def show(sig, handler):
    try:
        signal.signal(sig, handler)
        print('ok')
    except Exception as e:
        print(type(e).__name__, e)

for sig in (0, -1, 65, 4242):
    show(sig, h)
show(4242, None)
show(0, 'x')
for handler in (None, 5, -1, 'x', 2.5, [1]):
    show(signal.SIGUSR1, handler)
show(signal.SIGKILL, h)
show(signal.SIGKILL, signal.SIG_DFL)
show(signal.SIGSTOP, signal.SIG_IGN)
show(32, h)
show(33, signal.SIG_DFL)
show(2 ** 40, h)
show(-(2 ** 40), h)
show([], h)
show(None, h)
print(repr(signal.getsignal(signal.SIGUSR1)))
