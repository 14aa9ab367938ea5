# Instance attributes added in the same order by every instance, in other
# orders, conditionally, later on, deleted and re-added: each object must
# keep its own attributes, and vars() must list them in insertion order.


class P:
    def __init__(self, a, b, swap=False, extra=False):
        if swap:
            self.b = b
            self.a = a
        else:
            self.a = a
            self.b = b
        if extra:
            self.c = a + b

    def total(self):
        return self.a + self.b


ps = [P(i, i * 10, swap=i % 3 == 0, extra=i % 4 == 0) for i in range(12)]
for p in ps:
    print(vars(p), p.total(), hasattr(p, "c"))

# Attributes added after __init__, in a different order per object.
q1 = P(1, 2)
q2 = P(3, 4)
q1.x = "x1"
q1.y = "y1"
q2.y = "y2"
q2.x = "x2"
print(vars(q1), vars(q2))
print(q1.x, q1.y, q2.x, q2.y)

# Delete in the middle, re-add: the name moves to the end.
r = P(5, 6, extra=True)
del r.b
print(vars(r), hasattr(r, "b"))
r.b = 60
print(vars(r), r.total())
try:
    del r.nope
except AttributeError as e:
    print("AttributeError:", e)
try:
    r.nope
except AttributeError as e:
    print("AttributeError:", e)
s = P(7, 8)
try:
    del s.zzz
except AttributeError as e:
    print("AttributeError:", e)
print(vars(s))
del s.a
del s.b
print(vars(s))
try:
    s.total()
except AttributeError as e:
    print("AttributeError:", e)

# Names made at run time, through setattr/getattr/delattr.
t = P(1, 1)
for i in range(5):
    setattr(t, "n" + str(i), i * i)
print(vars(t))
print(getattr(t, "n" + "3"), getattr(t, "missing", "dflt"))
delattr(t, "n" + "2")
print(list(vars(t)))


# One attribute site seeing objects of several layouts and classes.
class Q:
    def __init__(self, b, a):
        self.b = b
        self.a = a


def reads(objs):
    out = []
    for o in objs:
        out.append(o.a * 100 + o.b)
    return out


def writes(objs):
    for o in objs:
        o.a = o.a + 1
        o.b = o.b + 2


mixed = [P(1, 2), Q(3, 4), P(5, 6, swap=True), P(7, 8, extra=True), Q(9, 10)]
mixed[3].__dict__  # this one keeps a dict from now on
for _ in range(3):
    writes(mixed)
    print(reads(mixed))
print([vars(o) for o in mixed])


# Many objects that add attributes in the usual order, then one that
# adds an unknown one first.
class R:
    def __init__(self, n):
        self.n = n
        self.sq = n * n


rs = [R(i) for i in range(50)]
odd = R.__new__(R)
odd.other = 1
odd.n = 2
odd.sq = 4
rs.append(odd)
print(sum(o.n + o.sq for o in rs), vars(odd))
