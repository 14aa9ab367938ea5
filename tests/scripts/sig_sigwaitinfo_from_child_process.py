# A signal sent by a forked child: si_pid is the child's pid.
import os
import signal
import sys

signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR2])
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.kill(os.getppid(), signal.SIGUSR2)
    os._exit(0)
info = signal.sigwaitinfo([signal.SIGUSR2])
print(info.si_signo, info.si_code, info.si_pid == pid, info.si_pid != os.getpid())
_, status = os.waitpid(pid, 0)
print(os.WIFEXITED(status), os.WEXITSTATUS(status))
