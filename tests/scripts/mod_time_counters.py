import time
p1 = time.perf_counter()
c1 = time.process_time()
x = 0
for i in range(20000):
    x += i * i
p2 = time.perf_counter()
c2 = time.process_time()
print(type(p1), type(c1), type(time.time()), type(time.monotonic()))
print(p2 >= p1, c2 >= c1, c1 >= 0, x)
print(isinstance(time.perf_counter() - p1, float))
