# __slots__: member descriptors, instances without __dict__, subclasses
# with and without slots, errors with CPython's messages, and the same
# operations run many times over (the VM's attribute caches warm up).
import gc


class C:
    __slots__ = ("a", "b")

    def __init__(self, a):
        self.a = a

    def total(self):
        return self.a + getattr(self, "b", 0)


c = C(1)
print(c.a, C.a, type(C.a).__name__, C.__slots__, C.a.__name__, repr(C.b))


def attempt(what, fn):
    try:
        print(what, fn())
    except (AttributeError, TypeError, ValueError) as e:
        print(what, type(e).__name__ + ":", e)


attempt("unset b", lambda: c.b)
c.b = 5
print(c.b, c.total())
del c.b
attempt("del unset", lambda: delattr(c, "b"))
attempt("new attr", lambda: setattr(c, "z", 1))
attempt("del new attr", lambda: delattr(c, "z"))
attempt("__dict__", lambda: c.__dict__)
attempt("vars", lambda: vars(c))
print(hasattr(c, "__dict__"), getattr(c, "zz", "dflt"))
attempt("get on int", lambda: C.a.__get__(3))
print(C.a.__get__(c), C.a.__get__(None, C) is C.a)
C.a.__set__(c, 9)
print(c.a)
C.a.__delete__(c)
attempt("after __delete__", lambda: c.a)

# warm loops: loads, stores, deletes and method calls on slotted objects
objs = [C(i) for i in range(200)]
s = 0
for rnd in range(3):
    for o in objs:
        o.b = o.a * 2
        s += o.total()
        if o.a % 50 == 0:
            del o.b
            s += o.total()
print(s)
errors = 0
for o in objs[:100]:
    try:
        o.extra = 1
    except AttributeError:
        errors += 1
print("errors", errors)


class D(C):
    pass


d = D(2)
d.z = 3
d.b = 4
print(d.a, d.b, d.z, vars(d), d.total())
d.__dict__["a"] = "shadow?"
print(d.a, vars(d))


class E(C):
    __slots__ = ("e",)


e = E(1)
e.e = 2
attempt("E new attr", lambda: setattr(e, "q", 1))
print(e.a, e.e, isinstance(e, C), E.e, E.a)


class F:
    __slots__ = "only"


f = F()
f.only = [1, 2]
print(f.only, F.__slots__)


class G:
    __slots__ = ("x", "__dict__")


g = G()
g.x = 1
g.y = 2
print(g.x, vars(g))



def bad_slots():
    class I:
        __slots__ = (1,)


def conflict():
    class H:
        __slots__ = ("a",)
        a = 1


attempt("not str", bad_slots)
attempt("class var", conflict)


class J:
    __slots__ = ()


attempt("empty slots", lambda: setattr(J(), "x", 1))


class K:
    __slots__ = ["p", "q"]

    def __init__(self):
        self.p = self.q = 0

    @property
    def both(self):
        return (self.p, self.q)


k = K()
k.p += 5
print(k.both, type(K.p).__name__)


class Err(Exception):
    __slots__ = ("code",)


err = Err("boom")
err.code = 7
err.note = "exceptions keep their dict"
print(err, err.code, err.note, err.args)


class Node:
    __slots__ = ("value", "next")

    def __init__(self, value, nxt):
        self.value = value
        self.next = nxt


head = None
for i in range(20000):
    head = Node([i], head)
gc.collect()
n, total = 0, 0
while head is not None:
    total += head.value[0]
    n += 1
    head = head.next
print(n, total)


# without a dict, a name the class has (a method, a class attribute that
# replaced a member) cannot be set on the instance
class R:
    __slots__ = ("a",)

    def m(self):
        return 1


r = R()
attempt("set method name", lambda: setattr(r, "m", 2))
R.a = 5
attempt("set replaced member", lambda: setattr(r, "a", 1))
print(r.a, sorted(n for n in dir(r) if not n.startswith("__") or n == "__slots__"))
