# With faulthandler enabled on a pipe, a forked child that sends itself
# SIGSEGV writes "Fatal Python error" and its stack to the pipe, then dies
# by SIGSEGV.  The parent prints the child's exit signal and the report,
# with the script's directory stripped from file names.
import faulthandler
import os
import signal
import sys

here = sys._getframe().f_code.co_filename
prefix = here[:here.rfind('/') + 1]
r, w = os.pipe()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.close(r)
    faulthandler.enable(file=w, all_threads=False)

    def crash():
        os.kill(os.getpid(), signal.SIGSEGV)

    crash()
    os._exit(0)
os.close(w)
report = b''
while True:
    chunk = os.read(r, 65536)
    if not chunk:
        break
    report += chunk
_, status = os.waitpid(pid, 0)
print('signaled', os.WIFSIGNALED(status), 'sig', os.WTERMSIG(status))
print(report.decode().replace(prefix, ''), end='')
