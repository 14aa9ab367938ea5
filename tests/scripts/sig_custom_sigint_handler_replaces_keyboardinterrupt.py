# A Python handler for SIGINT replaces default_int_handler: no
# KeyboardInterrupt; restoring default_int_handler brings it back.
import os
import signal

got = []
signal.signal(signal.SIGINT, lambda s, f: got.append(s))
signal.raise_signal(signal.SIGINT)
os.kill(os.getpid(), signal.SIGINT)
print('custom handler calls', got)
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print('KeyboardInterrupt again')
