# With SIGINT blocked, the final kill(getpid(), SIGINT) cannot kill the
# process, which then exits normally with 128 + 2.
import signal

signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGINT])
print('blocked')
raise KeyboardInterrupt
