# sys.exit() in a handler raises SystemExit out of the call that ran the
# handler; finally blocks run and the process exits with that status.
import os
import signal
import sys

def handler(signum, frame):
    sys.exit(3)

signal.signal(signal.SIGTERM, handler)
try:
    os.kill(os.getpid(), signal.SIGTERM)
    print('not reached')
finally:
    print('finally runs')
