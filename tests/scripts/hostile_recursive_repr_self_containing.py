# Containers that contain themselves print [...] / {...} instead of
# recursing forever, at any depth of the cycle.
a = [1, 2]
a.append(a)
print(a)
print(repr(a), str(a))
print(f"{a}", "%s" % (a,))

d = {"k": 1}
d["self"] = d
print(d)

b = [a, [a]]
print(b)

x = []
y = [x]
x.append(y)
print(x, y)

t = ([],)
t[0].append(t)
print(t)

m = {}
m[1] = [m, {2: m}]
print(m)

class Box:
    def __init__(self):
        self.items = []

    def __repr__(self):
        return "Box(" + repr(self.items) + ")"

bx = Box()
bx.items.append(bx.items)
print(bx)

s = [1]
s.append([s, [s, [s]]])
print(s)
print(a == a)
