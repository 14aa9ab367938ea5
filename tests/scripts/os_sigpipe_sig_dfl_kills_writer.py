# With SIGPIPE restored to SIG_DFL, the same write kills the (forked) writer
# by SIGPIPE.
import os
import signal
import sys

sys.stdout.flush()
pid = os.fork()
if pid == 0:
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    r, w = os.pipe()
    os.close(r)
    try:
        os.write(w, b'x')
    except BaseException as e:
        print('child got', type(e).__name__)
        sys.stdout.flush()
    os._exit(0)
_, status = os.waitpid(pid, 0)
print(os.WIFSIGNALED(status), os.WTERMSIG(status) == signal.SIGPIPE)
