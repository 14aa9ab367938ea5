# A real alarm(1), blocked and collected with sigwait: sigwait returns the
# Signals member and the Python handler is never called, not even after the
# unblock.
import signal

called = []
signal.signal(signal.SIGALRM, lambda s, f: called.append(s))
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGALRM])
print(signal.alarm(1))
got = signal.sigwait([signal.SIGALRM])
print(repr(got))
print(signal.alarm(0))
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGALRM])
print('handler calls:', called)
