# raise_signal has no Python-level range check: raise(3) answers EINVAL.
# raise_signal(0) is a no-op.
import signal

def show(*args):
    try:
        print('ok', signal.raise_signal(*args))
    except Exception as e:
        print(type(e).__name__, e)

show(0)
show(4242)
show(-1)
show(65)
show('x')
show(2.0)
show()
show(1, 2)
show(2 ** 40)
