# With SIG_DFL, SIGTERM terminates the process: a forked child that sends
# itself SIGTERM dies by the signal and never reaches its next statement.
import os
import signal
import sys

print('default:', repr(signal.getsignal(signal.SIGTERM)))
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), signal.SIGTERM)
    print('child survived')
    sys.stdout.flush()
    os._exit(0)
wpid, status = os.waitpid(pid, 0)
print(wpid == pid)
print('WIFSIGNALED', os.WIFSIGNALED(status))
print('WTERMSIG', os.WTERMSIG(status), os.WTERMSIG(status) == signal.SIGTERM)
print('WIFEXITED', os.WIFEXITED(status))
