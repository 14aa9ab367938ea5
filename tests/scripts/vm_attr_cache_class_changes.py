# Inline caches for attribute loads, stores and method calls must notice
# every change to any class on the chain, however deep, at once.


class A:
    def who(self):
        return "A.who"

    tag = "A.tag"


class B(A):
    pass


class C(B):
    pass


class D(C):
    pass


class E(D):
    pass


class F(E):
    def __init__(self):
        self.x = 1


def probe(o):
    return o.who(), o.tag, o.x


def run(label, o):
    out = []
    for _ in range(3):
        out.append(probe(o))
    print(label, out[0], out[0] == out[1] == out[2])


f = F()
run("start", f)

# A method replaced on the farthest base (six classes up).
A.who = lambda self: "A.who2"
run("base method replaced", f)

# A middle class starts shadowing the base's method and attribute.
C.who = lambda self: "C.who"
C.tag = "C.tag"
run("middle shadows", f)

# The shadowing goes away again.
del C.who
del C.tag
run("middle unshadowed", f)

# A class attribute appears under the name of an instance attribute: the
# instance dict still wins for a plain value...
D.x = "D.x"
run("class value under instance name", f)


# ...but a data descriptor on the class wins over the instance dict.
class G:
    def __init__(self):
        self.v = 1

    def get(self):
        return self.v


g = G()
for _ in range(3):
    g.v = g.v + 1
print("before property", g.get(), g.v)
G.v = property(lambda self: "prop")
print("after property", g.get(), g.v)
try:
    g.v = 5
except AttributeError:
    print("AttributeError: no setter")
del G.v
print("property removed", g.get(), g.v)


# An instance attribute shadowing a method, then removed again.
class H:
    def m(self):
        return "method"


h = H()
res = []
for i in range(4):
    if i == 1:
        h.m = lambda: "instance"
    if i == 3:
        del h.m
    res.append(h.m())
print("instance shadow", res)


# Classes created in a loop: a cache for a dead class must not match a
# new class that happens to reuse its memory.
def make(n):
    class K:
        def val(self):
            return n

    return K()


vals = []
for n in range(50):
    vals.append(make(n).val())
print("fresh classes", vals == list(range(50)))

# A method added to a class after its instances were used.
class L:
    pass


ell = L()
got = []
for i in range(3):
    if i == 1:
        L.late = lambda self: "late"
    try:
        got.append(ell.late())
    except AttributeError as e:
        got.append(str(e))
print("late method", got)
