# A handler may change dispositions, including its own: after it switches
# SIGUSR1 to SIG_IGN, later signals are ignored; it may also install a
# different handler for the next one.
import os
import signal

log = []

def first(signum, frame):
    log.append('first')
    signal.signal(signal.SIGUSR1, second)

def second(signum, frame):
    log.append('second')
    signal.signal(signal.SIGUSR1, signal.SIG_IGN)

signal.signal(signal.SIGUSR1, first)
for i in range(4):
    os.kill(os.getpid(), signal.SIGUSR1)
print(log)
print(repr(signal.getsignal(signal.SIGUSR1)))
