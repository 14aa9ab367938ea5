# PEP 475: sigwaitinfo, interrupted by SIGALRM ticks (not in its set, with a
# non-raising handler), is retried; the second tick's handler raises the
# awaited SIGUSR1, which sigwaitinfo then returns.
import os
import signal

count = [0]

def handler(signum, frame):
    count[0] += 1
    if count[0] == 2:
        os.kill(os.getpid(), signal.SIGUSR1)

signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
signal.signal(signal.SIGALRM, handler)
signal.setitimer(signal.ITIMER_REAL, 0.02, 0.02)
info = signal.sigwaitinfo([signal.SIGUSR1])
signal.setitimer(signal.ITIMER_REAL, 0)
print(info.si_signo, info.si_code, info.si_pid == os.getpid())
print('count >= 2:', count[0] >= 2)
