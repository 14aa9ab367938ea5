# fork(): the child inherits handlers and the signal mask, but not the
# parent's pending signals.
import os
import signal
import sys

def handler(signum, frame):
    print('handler in', 'child' if os.getpid() != parent else 'parent', signum)
    sys.stdout.flush()

parent = os.getpid()
signal.signal(signal.SIGUSR1, handler)
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
os.kill(os.getpid(), signal.SIGUSR1)
print('parent pending', signal.sigpending())
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    print('child pending', signal.sigpending())
    print('child mask', signal.pthread_sigmask(signal.SIG_BLOCK, []))
    print('child handler inherited', signal.getsignal(signal.SIGUSR1) is handler)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1])
    print('child unblocked, nothing ran')
    os.kill(os.getpid(), signal.SIGUSR1)
    sys.stdout.flush()
    os._exit(0)
os.waitpid(pid, 0)
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1])
print('parent done')
