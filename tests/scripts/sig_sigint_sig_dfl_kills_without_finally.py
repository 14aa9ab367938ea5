# signal(SIGINT, SIG_DFL) makes SIGINT kill the process at once: no
# KeyboardInterrupt, no finally block.
import os
import signal
import sys

sys.stdout.flush()
pid = os.fork()
if pid == 0:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    try:
        os.kill(os.getpid(), signal.SIGINT)
    finally:
        print('finally in child')
        sys.stdout.flush()
    os._exit(0)
_, status = os.waitpid(pid, 0)
print(os.WIFSIGNALED(status), os.WTERMSIG(status) == signal.SIGINT)
