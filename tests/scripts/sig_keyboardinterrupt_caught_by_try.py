# A KeyboardInterrupt raised by default_int_handler inside os.kill is an
# ordinary exception: except, else and finally behave as usual.
import os
import signal

def interrupt(depth):
    if depth == 0:
        os.kill(os.getpid(), signal.SIGINT)
        return 'no'
    return interrupt(depth - 1)

# Explicit, in case the test runner started us with SIGINT ignored.
signal.signal(signal.SIGINT, signal.default_int_handler)
for n in range(3):
    try:
        interrupt(n)
    except KeyboardInterrupt:
        print('caught at depth', n)
    else:
        print('no exception')
    finally:
        print('finally', n)
try:
    signal.raise_signal(signal.SIGINT)
except BaseException as e:
    print('raise_signal:', type(e).__name__, isinstance(e, Exception))
print('exit normally')
