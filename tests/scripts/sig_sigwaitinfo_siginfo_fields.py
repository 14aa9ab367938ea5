# sigwaitinfo returns a struct_siginfo (7 int fields, also indexable):
# si_signo, si_code (SI_USER, 0, for a kill), si_errno, and si_pid of the
# sender, for signals sent with os.kill and with raise_signal.
import os
import signal

signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1, signal.SIGUSR2])
os.kill(os.getpid(), signal.SIGUSR1)
info = signal.sigwaitinfo([signal.SIGUSR1])
print(type(info).__name__, len(info))
print(info.si_signo, type(info.si_signo).__name__, info.si_code, info.si_errno)
print(info.si_pid == os.getpid(), info.si_status)
print(info[0] == info.si_signo, info[1] == info.si_code)
signal.raise_signal(signal.SIGUSR2)
info = signal.sigwaitinfo({signal.SIGUSR1, signal.SIGUSR2})
print(info.si_signo, info.si_code, info.si_pid == os.getpid())
print(isinstance(info, tuple), info[:2])
