# Classes whose instances carry many attributes: more names than fit
# inline, objects growing one attribute at a time, new instances after the
# class has seen bigger ones, and a collection in between.
import gc


class Wide:
    def __init__(self, k):
        self.a0 = k
        self.a1 = k + 1
        self.a2 = k + 2
        self.a3 = k + 3
        self.a4 = k + 4
        self.a5 = k + 5
        self.a6 = k + 6

    def total(self):
        return (self.a0 + self.a1 + self.a2 + self.a3 + self.a4 + self.a5 +
                self.a6)


ws = [Wide(i) for i in range(12)]
print([w.total() for w in ws])
print(vars(ws[0]))
print(vars(ws[11]))


class Grow:
    pass


gs = []
for i in range(10):
    g = Grow()
    for j in range(i * 5):
        setattr(g, "f%d" % j, j * i)
    gs.append(g)
gc.collect()
for g in gs:
    names = list(vars(g))
    print(len(names), names[:3], names[-2:], sum(vars(g).values()))
big = Grow()
for j in range(45):
    setattr(big, "f%d" % j, [j])
gc.collect()
print(big.f0, big.f29, big.f30, big.f44, len(vars(big)))
early = Grow()
early.f0 = "a"
gc.collect()
later = [Grow() for _ in range(3)]
for n, g in enumerate(later):
    for j in range(35):
        setattr(g, "f%d" % j, str(j * n))
print(early.f0, vars(early))
print([g.f34 for g in later], list(vars(later[2]))[-3:])


# Values kept only by inline attributes survive collections.
class Node:
    def __init__(self, val, nxt):
        self.val = val
        self.nxt = nxt


head = None
for i in range(2000):
    head = Node([i, str(i)], head)
    if i % 500 == 0:
        gc.collect()
gc.collect()
n, s = 0, 0
while head is not None:
    s += head.val[0] + len(head.val[1])
    n += 1
    head = head.nxt
print(n, s)
