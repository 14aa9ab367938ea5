# sigwait() takes a pending blocked signal without running its handler and
# returns it as a Signals member (a plain int for an unnamed RT signal).
import os
import signal

called = []
signal.signal(signal.SIGUSR1, lambda s, f: called.append(s))
signal.signal(40, lambda s, f: called.append(s))
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1, signal.SIGUSR2, 40])
os.kill(os.getpid(), signal.SIGUSR1)
got = signal.sigwait([signal.SIGUSR1, signal.SIGUSR2])
print(repr(got), type(got).__name__)
os.kill(os.getpid(), 40)
got = signal.sigwait({40})
print(repr(got), type(got).__name__)
# Two pending: the lowest number comes first.
os.kill(os.getpid(), signal.SIGUSR2)
os.kill(os.getpid(), signal.SIGUSR1)
print(repr(signal.sigwait([signal.SIGUSR1, signal.SIGUSR2])))
print(repr(signal.sigwait([signal.SIGUSR1, signal.SIGUSR2])))
print(signal.sigpending())
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1, signal.SIGUSR2, 40])
print('handler calls:', called)
