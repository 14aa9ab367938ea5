# A Python handler that raises KeyboardInterrupt: the traceback includes
# the handler's frame, and the exit status is still 130.
import signal

def handler(signum, frame):
    raise KeyboardInterrupt

signal.signal(signal.SIGUSR1, handler)
print('raising')
signal.raise_signal(signal.SIGUSR1)
