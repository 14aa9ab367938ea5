# Lock, RLock, Condition, Event and Semaphore on one and several threads,
# with-statements, timeouts of zero, and CPython's error messages.
import threading


def show(f):
    try:
        print(repr(f()))
    except BaseException as e:
        print(type(e).__name__ + ":", e)


lock = threading.Lock()
print(lock.acquire(), lock.locked(), lock.acquire(False),
      lock.acquire(timeout=0))
lock.release()
print(lock.locked())
show(lock.release)
show(lambda: lock.acquire(False, 1))
show(lambda: lock.acquire(timeout=-5))
with lock:
    print("in with:", lock.locked())
print("after with:", lock.locked())

r = threading.RLock()
print(r.acquire(), r.acquire(), r.acquire(blocking=False))
r.release()
r.release()
r.release()
show(r.release)
with r:
    with r:
        print("nested RLock ok")

e = threading.Event()
print(e.is_set(), e.wait(0), e.wait(timeout=0.01))
e.set()
print(e.is_set(), e.wait(), e.wait(0))
e.clear()
print(e.is_set())

cond = threading.Condition()
show(cond.wait)
show(cond.notify)
with cond:
    print("wait with timeout 0:", cond.wait(0))
    print("wait_for true predicate:", cond.wait_for(lambda: 7))
    print("wait_for false predicate:", cond.wait_for(lambda: 0, timeout=0.01))

sem = threading.Semaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(False),
      sem.acquire(timeout=0.01))
sem.release(2)
show(lambda: sem.release(0))
show(lambda: threading.Semaphore(-1))
show(lambda: sem.acquire(False, 1))
b = threading.BoundedSemaphore(1)
with b:
    print("bounded held")
show(b.release)

# Producer and consumers through a Condition.
items = []
done = []
cv = threading.Condition(threading.Lock())


def consumer(name):
    got = []
    while True:
        with cv:
            cv.wait_for(lambda: items)
            item = items.pop(0)
        if item is None:
            break
        got.append(item)
    done.append((name, sum(got)))


consumers = [threading.Thread(target=consumer, args=("c%d" % i,))
             for i in range(3)]
for c in consumers:
    c.start()
for i in range(1, 301):
    with cv:
        items.append(i)
        cv.notify()
for c in consumers:
    with cv:
        items.append(None)
        cv.notify_all()
for c in consumers:
    c.join()
print("total consumed:", sum(s for _, s in done), "by", len(done))

# A Semaphore limits how many workers are inside at once.
limit = threading.Semaphore(2)
guard = threading.Lock()
inside = [0]
peak = [0]


def limited():
    for _ in range(50):
        with limit:
            with guard:
                inside[0] += 1
                peak[0] = max(peak[0], inside[0])
            with guard:
                inside[0] -= 1


ws = [threading.Thread(target=limited) for _ in range(4)]
for w in ws:
    w.start()
for w in ws:
    w.join()
print("peak inside <= 2:", peak[0] <= 2, "inside now:", inside[0])
