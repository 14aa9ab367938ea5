# PEP 475: os.read on an empty pipe, interrupted by timer ticks with a
# non-raising handler, is retried and returns the data written later (the
# child writes only after the handler has run three times).
import os
import signal
import sys

data_r, data_w = os.pipe()
ack_r, ack_w = os.pipe()
count = [0]

def handler(signum, frame):
    count[0] += 1
    if count[0] == 3:
        os.write(ack_w, b'a')

signal.signal(signal.SIGALRM, handler)
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.read(ack_r, 1)
    os.write(data_w, b'payload')
    os._exit(0)
signal.setitimer(signal.ITIMER_REAL, 0.02, 0.02)
data = os.read(data_r, 100)
signal.setitimer(signal.ITIMER_REAL, 0)
print(data)
print('count >= 3:', count[0] >= 3)
_, status = os.waitpid(pid, 0)
print('child status', os.WEXITSTATUS(status))
