import time
t1 = time.monotonic()
total = 0
for i in range(10000):
    total += i
t2 = time.monotonic()
t3 = time.monotonic()
print(type(t1), t2 >= t1, t3 >= t2, total)
readings = [time.monotonic() for _ in range(100)]
print(all(readings[i] <= readings[i + 1] for i in range(99)))
print(type(time.time()), time.time() > 1600000000.0)
