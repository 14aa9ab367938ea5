# Python-level handlers are re-entrant: a SIGUSR1 handler that sends itself
# SIGUSR1 runs nested (inside its own os.kill) until it stops.
import os
import signal

depth = [0]
events = []

def handler(signum, frame):
    depth[0] += 1
    mine = depth[0]
    events.append(('enter', mine, frame.f_code.co_name))
    if mine < 5:
        os.kill(os.getpid(), signal.SIGUSR1)
    events.append(('leave', mine))

signal.signal(signal.SIGUSR1, handler)
os.kill(os.getpid(), signal.SIGUSR1)
for e in events:
    print(e)
