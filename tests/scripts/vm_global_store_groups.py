# Module-level `g += K`, `g += h` and `while g < K` run as superinstructions
# that load, operate, store and branch in one step; each operand type that
# leaves their int fast path, each missing name and each store the cache
# cannot do in place must behave as the plain instructions do.

g = 0
while g < 10:
    g += 3
print("int", g)

g = 0.25
while g < 2:
    g += 0.5
print("float", g)

g = "a"
while g < "aaa":
    g += "a"
print("str", g)

g = [1]
g += [2]
print("list", g)

h = 5
t = 0
while t < 30:
    t += h
print("sum", t)

h = 0.5
t += h
print("mixed", t)

h = "x"
t = "y"
t += h
print("strings", t)

# The loop test at the top (jump if false) with no iteration at all.
g = 100
while g < 10:
    g += 1
print("no iteration", g)

# Stores after the globals dict grew (the cached entry index is stale).
n = 0
while n < 40:
    globals()["extra_%d" % n] = n
    n += 1
n += 2
print("after growth", n, extra_39)

# A store after the name was deleted and defined again elsewhere.
k = 1
k += 1
del k
k = 10
k += 1
print("redefined", k)


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return Num(self.v + 100)

    def __lt__(self, other):
        return self.v < other


o = Num(1)
while o < 250:
    o += 1
print("object", o.v)

try:
    missing += 1
except NameError as e:
    print("NameError", e)

try:
    g = 1
    g += also_missing
except NameError as e:
    print("NameError", e)

try:
    g = None
    while g < 3:
        g += 1
except TypeError as e:
    print("TypeError", e)

try:
    g = 1
    g += "s"
except TypeError as e:
    print("TypeError", e)
print("g", g)

z = 0
while z < 3:
    z += 1
    if z == 2:
        del z
        z = 5
print("z", z)
z += nowhere
