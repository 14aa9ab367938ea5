# siginterrupt(sig, False) adds SA_RESTART: the kernel restarts the blocked
# os.read itself, so the Python handler only runs after the read returned.
#
# The child waits until the parent sleeps in its read (from /proc), sends
# SIGUSR1, waits for the wakeup-fd byte that proves the parent's C handler
# ran, then writes a marker and finally the data.  The handler looks at the
# marker pipe: it is readable only if the handler ran after the read.
import os
import select
import signal
import sys
import time

seen = []
marker_r, marker_w = os.pipe()
data_r, data_w = os.pipe()
wake_r, wake_w = os.pipe()
os.set_blocking(wake_w, False)

def handler(signum, frame):
    ready = select.select([marker_r], [], [], 0)[0]
    seen.append(('handler', signum, ready == [marker_r]))

def parent_sleeps_in_read(ppid):
    # State 'S' (interruptible sleep); where the kernel shows the wait
    # channel, it must be a pipe read.
    with open('/proc/%d/stat' % ppid) as f:
        stat = f.read()
    if stat[stat.rfind(')') + 2] != 'S':
        return False
    try:
        with open('/proc/%d/wchan' % ppid) as f:
            wchan = f.read()
    except OSError:
        return True
    return wchan in ('', '0') or 'pipe' in wchan

signal.signal(signal.SIGUSR1, handler)
signal.siginterrupt(signal.SIGUSR1, False)
signal.set_wakeup_fd(wake_w)
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    ppid = os.getppid()
    deadline = time.monotonic() + 3
    while not parent_sleeps_in_read(ppid) and time.monotonic() < deadline:
        pass
    os.kill(ppid, signal.SIGUSR1)
    os.read(wake_r, 1)
    os.write(marker_w, b'm')
    os.write(data_w, b'data')
    os._exit(0)
data = os.read(data_r, 100)
seen.append(('read returned', data))
signal.set_wakeup_fd(-1)
os.waitpid(pid, 0)
for entry in seen:
    print(entry)
