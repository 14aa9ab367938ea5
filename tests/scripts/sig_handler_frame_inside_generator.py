# A signal sent from inside a generator runs the handler with the
# generator's frame; the generator continues normally.
import os
import signal

frames = []

def handler(signum, frame):
    frames.append((frame.f_code.co_name, frame.f_locals.get('i')))

def gen():
    for i in range(3):
        if i == 1:
            os.kill(os.getpid(), signal.SIGUSR1)
        yield i

signal.signal(signal.SIGUSR1, handler)
print(list(gen()))
print(frames)
print([x * 2 for x in gen()], frames[-1])
