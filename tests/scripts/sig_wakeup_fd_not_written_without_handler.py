# No C handler runs for SIG_IGN or for a SIG_DFL signal whose default is to
# ignore it, so nothing is written to the wakeup fd.
import os
import select
import signal

r, w = os.pipe()
os.set_blocking(r, False)
os.set_blocking(w, False)
signal.set_wakeup_fd(w)
signal.signal(signal.SIGUSR1, signal.SIG_IGN)
os.kill(os.getpid(), signal.SIGUSR1)
signal.raise_signal(signal.SIGUSR1)
for sig in (signal.SIGCHLD, signal.SIGURG, signal.SIGWINCH):
    print(repr(signal.getsignal(sig)))
    os.kill(os.getpid(), sig)
print(select.select([r], [], [], 0) == ([], [], []))
signal.signal(signal.SIGWINCH, lambda s, f: None)
os.kill(os.getpid(), signal.SIGWINCH)
print(list(os.read(r, 10)))
