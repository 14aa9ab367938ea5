# sigvm-only: --trace-signals names the thread a signal arrived on as threading names it
# sigvm-args: --trace-signals=- --trace-no-times
import signal
import threading

ran_on = []


def handler(signum, frame):
    ran_on.append(threading.current_thread().name)


signal.signal(signal.SIGUSR1, handler)
sent = threading.Event()


def worker():
    # The C handler runs on this thread; the script handler waits for the
    # main thread.
    signal.pthread_kill(threading.get_ident(), signal.SIGUSR1)
    sent.set()


t = threading.Thread(target=worker, name="sleeper")
t.start()
sent.wait()
t.join()
print("handler ran on", ran_on)
