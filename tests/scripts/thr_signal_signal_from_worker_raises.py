# Only the main thread may set handlers or the wakeup fd.
import os
import signal
import threading

results = []


def worker():
    try:
        signal.signal(signal.SIGUSR1, signal.SIG_IGN)
    except ValueError as e:
        results.append("signal: ValueError: %s" % e)
    try:
        signal.signal(12345, "not even a handler")
    except ValueError as e:
        results.append("bad args: ValueError: %s" % e)
    try:
        signal.set_wakeup_fd(-1)
    except ValueError as e:
        results.append("set_wakeup_fd: ValueError: %s" % e)
    results.append("getsignal works: %s" % signal.getsignal(signal.SIGUSR1))


t = threading.Thread(target=worker)
t.start()
t.join()
for line in results:
    print(line)
print("main can still set it:", signal.signal(signal.SIGUSR1, signal.SIG_IGN))
