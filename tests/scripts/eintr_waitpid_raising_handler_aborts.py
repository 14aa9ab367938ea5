# PEP 475: a raising handler aborts os.waitpid; the child is still there
# and a second waitpid collects it.
import os
import signal
import sys

class Alarm(Exception):
    pass

def handler(signum, frame):
    raise Alarm('waitpid interrupted')

go_r, go_w = os.pipe()
signal.signal(signal.SIGALRM, handler)
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.read(go_r, 1)
    os._exit(5)
try:
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    os.waitpid(pid, 0)
    print('not reached')
except Alarm as e:
    print('Alarm', e)
print('child still running:', os.waitpid(pid, os.WNOHANG) == (0, 0))
os.write(go_w, b'g')
wpid, status = os.waitpid(pid, 0)
print(wpid == pid, os.WEXITSTATUS(status))
