# A worker sends SIGUSR1 to the process; the handler runs on the main thread.
import os
import signal
import threading

calls = []


def handler(signum, frame):
    calls.append(signum)
    print("handler on main thread:",
          threading.current_thread() is threading.main_thread())
    print("handler thread name:", threading.current_thread().name)


signal.signal(signal.SIGUSR1, handler)


def worker():
    os.kill(os.getpid(), signal.SIGUSR1)


t = threading.Thread(target=worker)
t.start()
t.join()
print("joined; handler calls:", len(calls))
