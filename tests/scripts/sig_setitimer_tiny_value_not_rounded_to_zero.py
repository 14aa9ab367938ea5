# A 1 microsecond timer is rounded up, never down to 0 (which would disarm
# it): SIGALRM is delivered and collected with sigwait.
import signal

signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGALRM])
signal.setitimer(signal.ITIMER_REAL, 1e-6)
print(repr(signal.sigwait([signal.SIGALRM])))
signal.setitimer(signal.ITIMER_REAL, 1e-9)
print(repr(signal.sigwait([signal.SIGALRM])))
print(signal.getitimer(signal.ITIMER_REAL))
