# When one handler raises, the check stops; the exception comes out of the
# call that ran the handlers, and the other tripped signals run at the next
# check point, still in ascending order.
import os
import signal

log = []

def handler(signum, frame):
    log.append(signum)
    if signum == signal.SIGHUP:
        raise RuntimeError('from SIGHUP handler')

def checkpoint():
    pass

sigs = [signal.SIGTERM, signal.SIGUSR2, signal.SIGHUP, signal.SIGUSR1,
        signal.SIGALRM]
for sig in sigs:
    signal.signal(sig, handler)
signal.pthread_sigmask(signal.SIG_BLOCK, sigs)
for sig in sigs:
    os.kill(os.getpid(), sig)
try:
    signal.pthread_sigmask(signal.SIG_UNBLOCK, sigs)
    print('not reached')
except RuntimeError as e:
    caught = str(e)
checkpoint()
print('caught:', caught)
print('log:', log)
print('mask changed anyway:', signal.pthread_sigmask(signal.SIG_BLOCK, []))
