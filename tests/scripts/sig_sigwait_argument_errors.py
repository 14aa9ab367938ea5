# sigwait validates its sigset like pthread_sigmask does.
import signal

for arg in (5, None, [0], [65], ['x'], [-3]):
    try:
        signal.sigwait(arg)
    except Exception as e:
        print(type(e).__name__, e)
try:
    signal.sigwait()
except TypeError as e:
    print('TypeError', e)
