# An uncaught exception from a handler run inside raise_signal: the
# traceback has the caller's line, then the handler frame; status 1.
import signal

def handler(signum, frame):
    value = 1 / 0

def run():
    signal.raise_signal(signal.SIGALRM)

signal.signal(signal.SIGALRM, handler)
run()
