# Attribute stores at one site on instances whose dicts hold their names
# in different orders, after deletions and re-insertions: each store must
# land on the right name (the VM keeps a position hint per site).


class P:
    def set(self, name, v):
        setattr(self, name, v)

    def bump(self):
        self.a = self.a + 1


def layout(o):
    return sorted(vars(o).items())


p = P()
q = P()
p.a = 1
p.b = 2
q.b = 20
q.a = 10
for o in (p, q, p, q):
    o.bump()
print("orders", layout(p), layout(q))

# Delete and re-add: the name moves to the end of the dict.
del p.a
p.c = 3
p.a = 100
for _ in range(3):
    p.bump()
print("moved", list(vars(p)), layout(p))


# The same site alternating between objects with different layouts.
class R:
    def __init__(self, first):
        if first:
            self.x = 0
            self.y = 0
        else:
            self.y = 0
            self.x = 0

    def step(self, k):
        self.x = self.x + k
        self.y = self.y - k


objs = [R(i % 2 == 0) for i in range(6)]
for k in range(1, 5):
    for o in objs:
        o.step(k)
print("alternating", [(o.x, o.y, list(vars(o))) for o in objs])

# Many attributes (the dict grows and is rebuilt between stores).
m = P()
for i in range(20):
    m.set("f%d" % i, i)
for i in range(20):
    m.set("f%d" % i, i * i)
print("grown", sum(getattr(m, "f%d" % i) for i in range(20)), len(vars(m)))
