# sigtimedwait: a 0 timeout polls; a short timeout with nothing pending
# returns None; a pending signal is returned as struct_siginfo.
import os
import signal

signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
print(signal.sigtimedwait([signal.SIGUSR1], 0))
print(signal.sigtimedwait([signal.SIGUSR1], 0.01))
os.kill(os.getpid(), signal.SIGUSR1)
info = signal.sigtimedwait([signal.SIGUSR1], 0)
print(type(info).__name__, info.si_signo, info.si_code)
os.kill(os.getpid(), signal.SIGUSR1)
info = signal.sigtimedwait([signal.SIGUSR1], 5.0)
print(info.si_signo, info.si_pid == os.getpid())
print(signal.sigtimedwait([signal.SIGUSR1], 0.0))
