# Only the main thread runs script handlers.  A worker thread can send a
# signal to the main thread (pthread_kill) or to the process (os.kill);
# either way the handler runs on the main thread.  A worker may not even
# install a handler.
import os
import signal
import threading

ran_on = []


def handler(signum, frame):
    ran_on.append((signal.Signals(signum).name,
                   threading.current_thread().name))


# Two different signals: two arrivals of one signal could be coalesced.
signal.signal(signal.SIGUSR1, handler)
signal.signal(signal.SIGUSR2, handler)


def worker():
    signal.pthread_kill(threading.main_thread().ident, signal.SIGUSR1)
    os.kill(os.getpid(), signal.SIGUSR2)
    try:
        signal.signal(signal.SIGHUP, lambda s, f: None)
    except ValueError as e:
        print("worker:", e)


t = threading.Thread(target=worker, name="worker")
t.start()
t.join()
while len(ran_on) < 2:  # the second one may still be on its way
    pass
print("handlers ran on:", sorted(ran_on))
