# SIGCHLD arrives when a child exits; with SIGCHLD blocked it stays pending
# until the unblock, which runs the handler once.
import os
import signal
import sys

log = []
signal.signal(signal.SIGCHLD, lambda s, f: log.append(s))
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGCHLD])
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os._exit(3)
_, status = os.waitpid(pid, 0)
print('exit status', os.WEXITSTATUS(status))
print('pending', signal.sigpending())
print('log before unblock', log)
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGCHLD])
print('log after unblock', log)
