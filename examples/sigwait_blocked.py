# Another way to handle signals: block them and wait for them
# synchronously with sigwait.  A blocked signal stays pending in the
# kernel; sigwait takes it, so the handler never runs.
import os
import signal

signal.signal(signal.SIGUSR1, lambda signum, frame: print("handler ran?!"))
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
os.kill(os.getpid(), signal.SIGUSR1)
print("pending:", signal.sigpending() == {signal.SIGUSR1})
got = signal.sigwait([signal.SIGUSR1])
print("sigwait returned", repr(got))
print("pending after sigwait:", signal.sigpending())
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1])
print("unblocked: nothing left to deliver")
