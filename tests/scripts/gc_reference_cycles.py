# Cycles can only be reclaimed by the collector, not by reference counts.
import gc
class Node:
    def __init__(self, value):
        self.value = value
        self.next = None
made = 0
for i in range(50000):
    a = Node(i)
    b = Node(i + 1)
    a.next = b
    b.next = a
    made += 2
    if i % 10000 == 0:
        gc.collect()
print("nodes made:", made)
for i in range(20000):
    l = [i]
    l.append(l)
    d = {"self": None}
    d["self"] = d
print("self-referencing containers done")
gc.collect()
print("collected")
