# An uncaught KeyboardInterrupt from SIGINT prints its traceback (no handler
# frame: default_int_handler is C code), runs finally blocks, and the process
# dies by SIGINT (status 130 in a shell).
import os
import signal
import sys

def f():
    try:
        os.kill(os.getpid(), signal.SIGINT)
    finally:
        print('finally runs')
    print('not reached')

# Explicit, in case the test runner started us with SIGINT ignored.
signal.signal(signal.SIGINT, signal.default_int_handler)
print('start')
sys.stdout.flush()
f()
print('not reached either')
