# PEP 475: select() without a timeout survives ticks of a non-raising
# handler and returns when a child makes the pipe readable.
import os
import select
import signal
import sys

data_r, data_w = os.pipe()
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
    os.write(data_w, b'x')
    os._exit(0)
signal.setitimer(signal.ITIMER_REAL, 0.02, 0.02)
ready = select.select([data_r], [], [])
signal.setitimer(signal.ITIMER_REAL, 0)
print(ready == ([data_r], [], []))
print('count >= 2:', count[0] >= 2)
print(os.read(data_r, 10))
os.waitpid(pid, 0)
