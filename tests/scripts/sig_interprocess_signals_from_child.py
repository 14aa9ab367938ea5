# Another process sends signals: a counting handler, a raising handler, an
# ignored signal, and default_int_handler on SIGALRM.  The child sends each
# one after the parent asks for it through a pipe, then acknowledges; once
# the parent sees the acknowledgement, the signal has been delivered.
import os
import select
import signal
import sys

class Usr1(Exception):
    pass

hup = [0]

def on_hup(signum, frame):
    hup[0] += 1

def on_usr1(signum, frame):
    raise Usr1('from child')

signal.signal(signal.SIGHUP, on_hup)
signal.signal(signal.SIGUSR1, on_usr1)
signal.signal(signal.SIGUSR2, signal.SIG_IGN)
signal.signal(signal.SIGALRM, signal.default_int_handler)
req_r, req_w = os.pipe()
ack_r, ack_w = os.pipe()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    parent = os.getppid()
    while True:
        b = os.read(req_r, 1)
        if not b or b == b'q':
            break
        os.kill(parent, b[0])
        os.write(ack_w, b'k')
    os._exit(0)

def checkpoint():
    pass

def request(sig):
    os.write(req_w, bytes([sig]))
    try:
        # A raising handler may abort the wait; the acknowledgement is then
        # consumed by the finally clause.
        select.select([ack_r], [], [])
        checkpoint()
    finally:
        os.read(ack_r, 1)

request(signal.SIGHUP)
print('SIGHUP count', hup[0])
try:
    request(signal.SIGUSR1)
    print('not reached')
except Usr1 as e:
    print('Usr1', e)
request(signal.SIGUSR2)
print('SIGUSR2 ignored')
try:
    request(signal.SIGALRM)
    print('not reached')
except KeyboardInterrupt:
    print('KeyboardInterrupt from SIGALRM')
os.write(req_w, b'q')
_, status = os.waitpid(pid, 0)
print('child exit', os.WEXITSTATUS(status))
