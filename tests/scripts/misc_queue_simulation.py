# A deterministic pseudo-random queue simulation (linear congruential generator).
seed = 12345
def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 16) % n
queue = []
served = []
for tick in range(50):
    if rand(3) != 0:
        queue.append(tick)
    if queue and rand(2) == 0:
        served.append((queue.pop(0), tick))
waits = [done - arrived for arrived, done in served]
print("served", len(served), "waiting", len(queue))
print("max wait", max(waits), "total wait", sum(waits))
print("first five", served[:5])
print("avg wait %.3f" % (sum(waits) / len(waits)))
