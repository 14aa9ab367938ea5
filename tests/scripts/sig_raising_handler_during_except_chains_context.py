# A handler that raises while an exception is being handled gets that
# exception as __context__; uncaught, both tracebacks are printed.
import os
import signal

def handler(signum, frame):
    raise RuntimeError('from the handler')

signal.signal(signal.SIGUSR1, handler)
try:
    {}['missing']
except KeyError as e:
    try:
        os.kill(os.getpid(), signal.SIGUSR1)
    except RuntimeError as inner:
        print('context is the KeyError:', inner.__context__ is e)
    os.kill(os.getpid(), signal.SIGUSR1)
