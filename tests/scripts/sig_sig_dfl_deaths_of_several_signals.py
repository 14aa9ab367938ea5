# Default actions seen from the parent: SIGUSR1, SIGHUP, SIGALRM and SIGKILL
# terminate the child; SIGCHLD and SIGURG are ignored by default.
import os
import signal
import sys

for sig in (signal.SIGUSR1, signal.SIGHUP, signal.SIGALRM, signal.SIGKILL,
            signal.SIGRTMIN, signal.SIGCHLD, signal.SIGURG):
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        if sig != signal.SIGKILL:
            signal.signal(sig, signal.SIG_DFL)
        os.kill(os.getpid(), sig)
        os._exit(7)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        print(sig.name, 'killed by', os.WTERMSIG(status))
    else:
        print(sig.name, 'exited with', os.WEXITSTATUS(status))
