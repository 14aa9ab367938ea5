# A method looked up at one call site, then shadowed by instance
# attributes of later objects of the same class: each call must find the
# instance's own attribute once it has one.


class M:
    def __init__(self, k):
        self.k = k

    def m(self):
        return "method %d" % self.k


def call(o):
    return o.m()


first = M(1)
print(call(first), call(first))
p = M(2)
p.m = lambda: "own p"
print(call(p), call(first))
objs = [M(i) for i in range(3, 7)]
for o in objs[1:3]:
    o.m = lambda o=o: "own %d" % o.k
print([call(o) for o in objs], call(first))
del objs[1].m
print([call(o) for o in objs])
M.m = lambda self: "patched %d" % self.k
print([call(o) for o in objs], call(first), call(p))
