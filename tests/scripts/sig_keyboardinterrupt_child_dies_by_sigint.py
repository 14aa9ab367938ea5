# A forked child with an uncaught KeyboardInterrupt prints the traceback,
# runs its finally blocks and then dies by SIGINT, which the parent sees.
import os
import signal
import sys

def child():
    try:
        os.kill(os.getpid(), signal.SIGINT)
    finally:
        print('child finally')

# Explicit, in case the test runner started us with SIGINT ignored.
signal.signal(signal.SIGINT, signal.default_int_handler)
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    child()
    os._exit(0)
_, status = os.waitpid(pid, 0)
print('signaled', os.WIFSIGNALED(status), 'sig', os.WTERMSIG(status))
