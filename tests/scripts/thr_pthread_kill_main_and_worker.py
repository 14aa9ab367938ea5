# pthread_kill to the main thread and to a live worker: the handler runs
# on the main thread in both cases.
import signal
import threading

seen = []


def handler(signum, frame):
    seen.append(threading.current_thread() is threading.main_thread())


signal.signal(signal.SIGUSR1, handler)
signal.pthread_kill(threading.get_ident(), signal.SIGUSR1)
print("after pthread_kill(main):", seen)

ready = threading.Event()
go = threading.Event()


def worker():
    ready.set()
    go.wait()


t = threading.Thread(target=worker)
t.start()
ready.wait()
signal.pthread_kill(t.ident, signal.SIGUSR1)
go.set()
t.join()
print("after pthread_kill(worker) and join:", seen)
