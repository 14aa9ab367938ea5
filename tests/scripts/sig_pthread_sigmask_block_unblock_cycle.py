# pthread_sigmask returns the previous mask as a set of Signals; a signal
# pending while blocked runs its handler inside the unblocking call, whose
# exception replaces the return value (the mask change still happened).
import os
import signal

def handler(signum, frame):
    1 / 0

signal.signal(signal.SIGUSR1, handler)
signal.pthread_sigmask(signal.SIG_SETMASK, [])
old = signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
print('old', old, type(old).__name__)
blocked = signal.pthread_sigmask(signal.SIG_BLOCK, [])
print('blocked', blocked, [type(s).__name__ for s in blocked])
os.kill(os.getpid(), signal.SIGUSR1)
print('still alive, pending', signal.sigpending())
try:
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1])
    print('not reached')
except ZeroDivisionError as e:
    print('ZeroDivisionError from unblock:', e)
after = signal.pthread_sigmask(signal.SIG_BLOCK, [])
print('after', after)
print('difference', blocked - after)
print(repr(signal.pthread_sigmask(signal.SIG_SETMASK, [signal.SIGUSR2, 40])))
print([repr(s) for s in sorted(signal.pthread_sigmask(signal.SIG_SETMASK, []))])
