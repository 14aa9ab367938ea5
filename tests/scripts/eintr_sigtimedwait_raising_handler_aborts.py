# PEP 475: a raising handler aborts sigtimedwait with its exception.
import signal

class Alarm(Exception):
    pass

def handler(signum, frame):
    raise Alarm('sigtimedwait interrupted')

signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
signal.signal(signal.SIGALRM, handler)
try:
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    signal.sigtimedwait([signal.SIGUSR1], 3)
    print('not reached')
except Alarm as e:
    print('Alarm', e)
print(signal.sigpending())
