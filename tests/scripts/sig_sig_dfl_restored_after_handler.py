# A child that installs a handler and then restores SIG_DFL dies by the
# signal again; the handler ran only while installed.
import os
import signal
import sys

sys.stdout.flush()
pid = os.fork()
if pid == 0:
    def handler(signum, frame):
        print('child handler', signum)
        sys.stdout.flush()
    old = signal.signal(signal.SIGUSR2, handler)
    os.kill(os.getpid(), signal.SIGUSR2)
    signal.signal(signal.SIGUSR2, old)
    os.kill(os.getpid(), signal.SIGUSR2)
    print('child survived')
    sys.stdout.flush()
    os._exit(0)
_, status = os.waitpid(pid, 0)
print('parent sees', os.WIFSIGNALED(status), os.WTERMSIG(status))
