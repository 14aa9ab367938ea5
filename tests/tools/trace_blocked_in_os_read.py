# sigvm-only: --trace-signals names the blocking call the signal interrupted
# sigvm-args: --trace-signals=- --trace-no-times
import os
import signal


class Interrupted(Exception):
    pass


def handler(signum, frame):
    raise Interrupted


signal.signal(signal.SIGUSR1, handler)
r, w = os.pipe()
parent = os.getpid()
pid = os.fork()
if pid == 0:
    # Wait until the parent sleeps in read(2), then interrupt it.
    while open("/proc/%d/stat" % parent).read().split()[2] != "S":
        pass
    os.kill(parent, signal.SIGUSR1)
    os._exit(0)
try:
    os.read(r, 1)
except Interrupted:
    print("read interrupted")
os.waitpid(pid, 0)
