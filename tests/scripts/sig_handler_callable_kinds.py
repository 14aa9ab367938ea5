# Any callable is a valid handler: a function, a lambda, a bound method, an
# instance with __call__, a closure.
import os
import signal

log = []

class Counter:
    def __init__(self):
        self.n = 0

    def method(self, signum, frame):
        self.n += 1
        log.append(('method', signum))

    def __call__(self, signum, frame):
        log.append(('call', signum))

def make(tag):
    def inner(signum, frame):
        log.append((tag, signum))
    return inner

c = Counter()
for h in (lambda s, f: log.append(('lambda', s)), c.method, c, make('closure')):
    signal.signal(signal.SIGUSR1, h)
    os.kill(os.getpid(), signal.SIGUSR1)
print(log)
print(c.n)
