# Signal masks are per thread, and a new thread inherits its creator's.
import signal
import threading

signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1, signal.SIGUSR2])
out = {}


def worker():
    out["inherited"] = sorted(signal.pthread_sigmask(signal.SIG_BLOCK, []))
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR2])
    out["after unblock"] = sorted(signal.pthread_sigmask(signal.SIG_BLOCK, []))


t = threading.Thread(target=worker)
t.start()
t.join()
print("worker inherited:", out["inherited"])
print("worker after its unblock:", out["after unblock"])
print("main unchanged:", sorted(signal.pthread_sigmask(signal.SIG_BLOCK, [])))
