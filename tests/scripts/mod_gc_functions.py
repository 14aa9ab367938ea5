import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
junk = [[i] for i in range(1000)]
del junk
gc.enable()
print(gc.isenabled())
n = gc.collect()
print(type(n), n >= 0)
class Node:
    def __init__(self):
        self.other = None
for _ in range(100):
    a, b = Node(), Node()
    a.other, b.other = b, a
print(gc.collect() >= 0)
gc.enable()
print(gc.isenabled())
