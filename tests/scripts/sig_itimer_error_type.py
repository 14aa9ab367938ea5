# ItimerError is an OSError subclass whose name is signal.itimer_error.
import signal

try:
    signal.setitimer(-1, 0)
except OSError as e:
    print(type(e).__name__, type(e) is signal.ItimerError)
    print(repr(type(e)))
    print(e.errno, e.strerror, e.args)
    print(str(e))
print(repr(signal.ItimerError))
print(signal.ItimerError.__name__, signal.ItimerError.__module__)
print(issubclass(signal.ItimerError, OSError), issubclass(signal.ItimerError, Exception))
try:
    signal.getitimer(99)
except signal.ItimerError as e:
    print('caught by name:', e)
