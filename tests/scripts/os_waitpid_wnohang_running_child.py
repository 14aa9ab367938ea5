# waitpid(pid, WNOHANG) returns (0, 0) while the child runs, then the pid
# and status once it has exited; a second wait is ChildProcessError.
import os
import sys

go_r, go_w = os.pipe()
done_r, done_w = os.pipe()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.read(go_r, 1)
    os._exit(9)
print(os.waitpid(pid, os.WNOHANG))
print(os.waitpid(-1, os.WNOHANG))
os.write(go_w, b'g')
wpid, status = os.waitpid(pid, 0)
print(wpid == pid, os.WIFEXITED(status), os.WEXITSTATUS(status))
try:
    os.waitpid(pid, os.WNOHANG)
except ChildProcessError as e:
    print('ChildProcessError', e.errno, e.strerror)
try:
    os.waitpid(-1, 0)
except ChildProcessError as e:
    print('ChildProcessError', e)
