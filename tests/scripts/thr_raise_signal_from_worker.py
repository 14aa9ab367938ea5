# raise_signal in a worker: the C handler runs there, the script handler
# later on the main thread.
import signal
import threading

seen = []


def handler(signum, frame):
    seen.append((signum, threading.current_thread().name))


signal.signal(signal.SIGUSR2, handler)


def worker():
    signal.raise_signal(signal.SIGUSR2)
    print("worker: handler calls so far:", len(seen))


t = threading.Thread(target=worker, name="raiser")
t.start()
t.join()
print("main after join:", seen)
