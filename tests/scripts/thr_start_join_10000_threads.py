# Ten thousand short threads, started and joined one after the other: each
# thread's state is freed when it ends (no leak, no resource exhaustion).
import threading

results = []


def add(i):
    results.append(i)


for i in range(10000):
    t = threading.Thread(target=add, args=(i,))
    t.start()
    t.join()
print(len(results), sum(results), threading.active_count())
