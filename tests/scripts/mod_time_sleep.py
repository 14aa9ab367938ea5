import time
start = time.monotonic()
result = time.sleep(0.01)
elapsed = time.monotonic() - start
print(result, elapsed >= 0.009, elapsed < 5)
print(time.sleep(0), time.sleep(0.0))
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
