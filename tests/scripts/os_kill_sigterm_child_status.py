# A parent kills a blocked child with SIGTERM and SIGKILL; waitpid reports
# death by those signals.
import os
import signal
import sys

for sig in (signal.SIGTERM, signal.SIGKILL):
    r, w = os.pipe()
    ready_r, ready_w = os.pipe()
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        os.write(ready_w, b'r')
        os.read(r, 1)
        os._exit(0)
    os.read(ready_r, 1)
    os.kill(pid, sig)
    _, status = os.waitpid(pid, 0)
    print(sig.name, os.WIFSIGNALED(status), os.WTERMSIG(status) == sig,
          os.WIFEXITED(status))
    for fd in (r, w, ready_r, ready_w):
        os.close(fd)
