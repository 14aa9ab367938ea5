# Dictionaries and closures created and discarded in a loop.
total = 0
for i in range(50000):
    d = {"a": i, "b": [i, i], "c": {"nested": i}}
    total += d["a"] + len(d["b"]) + d["c"]["nested"]
print(total)
def make_adder(n):
    def add(x):
        return x + n
    return add
s = 0
for i in range(50000):
    s += make_adder(i)(1)
print(s)
g = 0
for i in range(20000):
    gen = (x for x in range(3))
    g += sum(gen)
print(g)
