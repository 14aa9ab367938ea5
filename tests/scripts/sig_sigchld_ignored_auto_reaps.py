# With SIGCHLD set to SIG_IGN, Linux reaps children automatically: waitpid
# waits for the child, then fails with ChildProcessError (ECHILD).
import os
import signal
import sys

signal.signal(signal.SIGCHLD, signal.SIG_IGN)
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os._exit(0)
try:
    os.waitpid(pid, 0)
    print('reaped normally')
except ChildProcessError as e:
    print('ChildProcessError', e.errno, e.strerror)
signal.signal(signal.SIGCHLD, signal.SIG_DFL)
