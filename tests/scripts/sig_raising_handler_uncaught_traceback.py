# An uncaught exception from a handler run inside os.kill: the traceback
# shows the os.kill line, then the handler's own frame; status 1.
import os
import signal
import sys

def handler(signum, frame):
    raise RuntimeError('handler failed for %d' % signum)

def work():
    os.kill(os.getpid(), signal.SIGUSR2)
    print('not reached')

signal.signal(signal.SIGUSR2, handler)
print('start')
sys.stdout.flush()
work()
