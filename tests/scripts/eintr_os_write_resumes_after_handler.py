# PEP 475: os.write to a full blocking pipe, interrupted by ticks with a
# non-raising handler, is retried until a child drains the pipe.
import os
import signal
import sys

r, w = os.pipe()
ack_r, ack_w = os.pipe()
os.set_blocking(w, False)
filled = 0
try:
    while True:
        filled += os.write(w, b'f' * 4096)
except BlockingIOError:
    pass
os.set_blocking(w, True)
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
    got = b''
    total = 0
    while total < filled + 1:
        got = os.read(r, 65536)
        total += len(got)
    os._exit(0 if got.endswith(b'!') and total == filled + 1 else 1)
signal.setitimer(signal.ITIMER_REAL, 0.02, 0.02)
written = os.write(w, b'!')
signal.setitimer(signal.ITIMER_REAL, 0)
print('written', written)
print('count >= 2:', count[0] >= 2)
_, status = os.waitpid(pid, 0)
print('child saw everything:', os.WEXITSTATUS(status) == 0)
