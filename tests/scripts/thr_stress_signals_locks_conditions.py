# Stress: 8 threads allocate and exchange data through a Condition and a
# Lock while a child process sends thousands of SIGUSR1 to this process.
# No crash, no deadlock, and every handler runs on the main thread.  Only
# deterministic facts are printed.  (README.md: run under ASan too.)
import os
import signal
import threading

on_main = []


def handler(signum, frame):
    on_main.append(threading.current_thread() is threading.main_thread())


signal.signal(signal.SIGUSR1, handler)

go_r, go_w = os.pipe()
parent = os.getpid()
child = os.fork()
if child == 0:
    os.read(go_r, 1)
    for _ in range(5000):
        os.kill(parent, signal.SIGUSR1)
    os._exit(0)

queue = []
cv = threading.Condition()
totals_lock = threading.Lock()
totals = {"produced": 0, "consumed": 0, "items": 0}
PRODUCERS, CONSUMERS, BATCHES = 4, 4, 1500


def producer(pid):
    for b in range(BATCHES):
        batch = [pid * 1000 + b, {"k": [b] * 3}, "x" * (b % 7)]
        with cv:
            queue.append(batch)
            cv.notify()
        with totals_lock:
            totals["produced"] += 1


def consumer():
    while True:
        with cv:
            while not queue:
                cv.wait()
            batch = queue.pop(0)
        if batch is None:
            return
        checksum = batch[0] + sum(batch[1]["k"]) + len(batch[2])
        with totals_lock:
            totals["consumed"] += 1
            totals["items"] += checksum


threads = [threading.Thread(target=producer, args=(i,))
           for i in range(PRODUCERS)]
threads += [threading.Thread(target=consumer) for _ in range(CONSUMERS)]
for t in threads:
    t.start()
os.write(go_w, b"g")
for t in threads[:PRODUCERS]:
    t.join()
with cv:
    queue.extend([None] * CONSUMERS)
    cv.notify_all()
for t in threads[PRODUCERS:]:
    t.join()
_, status = os.waitpid(child, 0)
expected = sum(p * 1000 + b + 3 * b + b % 7
               for p in range(PRODUCERS) for b in range(BATCHES))
print("child exit status:", os.WEXITSTATUS(status))
print("produced:", totals["produced"], "consumed:", totals["consumed"])
print("checksum ok:", totals["items"] == expected)
print("received > 0:", len(on_main) > 0)
print("all handlers on main thread:", all(on_main))
print("threads left:", threading.active_count())
