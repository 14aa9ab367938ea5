# PEP 475: os.waitpid survives ticks of a non-raising handler and returns
# the child's status once it exits.
import os
import signal
import sys

ack_r, ack_w = os.pipe()
count = [0]

def handler(signum, frame):
    count[0] += 1
    if count[0] == 2:
        os.write(ack_w, b'a')

signal.signal(signal.SIGALRM, handler)
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.read(ack_r, 1)
    os._exit(7)
signal.setitimer(signal.ITIMER_REAL, 0.02, 0.02)
wpid, status = os.waitpid(pid, 0)
signal.setitimer(signal.ITIMER_REAL, 0)
print(wpid == pid, os.WIFEXITED(status), os.WEXITSTATUS(status))
print('count >= 2:', count[0] >= 2)
