# Calling a class runs the __init__ found on its chain now, even after the
# chain changed between calls (the VM caches the lookup).


class A:
    def __init__(self, x):
        self.v = ("A", x)


class B(A):
    pass


class C(B):
    def __init__(self, x):
        self.v = ("C", x)


def make(cls, n):
    return [cls(i).v for i in range(n)]


print("start", make(C, 2), make(B, 2))

del C.__init__
print("C falls back to A", make(C, 2))

B.__init__ = lambda self, x: setattr(self, "v", ("B", x))
print("B gains __init__", make(C, 2), make(B, 1))

A.__init__ = lambda self, x: setattr(self, "v", ("A2", x))
print("A replaced, B still wins", make(C, 1))

del B.__init__
print("B loses __init__", make(C, 1), make(A, 1))


# An __init__ that returns a value, then none at all.
class D:
    pass


def bad_init(self):
    return 1


D.__init__ = bad_init
for _ in range(2):
    try:
        D()
    except TypeError as e:
        print("TypeError", e)

del D.__init__
try:
    D(1)
except TypeError as e:
    print("TypeError", e)
print("plain D", type(D()).__name__)


# A fresh class per call: the cache of a dead class must not be used for
# a new one.
def fresh(n):
    class K:
        def __init__(self):
            self.n = n

    return K().n


print("fresh classes", [fresh(n) for n in range(40)] == list(range(40)))
