# SIG_IGN is the kernel disposition: the signal is discarded, no handler runs
# and the process survives, even for signals whose default is to terminate.
import os
import signal

for sig in (signal.SIGUSR1, signal.SIGUSR2, signal.SIGTERM, signal.SIGHUP,
            signal.SIGALRM, signal.SIGINT):
    signal.signal(sig, signal.SIG_IGN)
    os.kill(os.getpid(), sig)
    signal.raise_signal(sig)
    print('survived', sig.name)
# While blocked, Linux keeps even an ignored signal pending (the disposition
# could change before the unblock); unblocking then discards it.
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
os.kill(os.getpid(), signal.SIGUSR1)
print(signal.sigpending())
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1])
print(signal.sigpending())
print('done')
