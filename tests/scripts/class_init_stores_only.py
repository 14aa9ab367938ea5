# Classes whose __init__ only stores its arguments as attributes, made
# many times: the attributes, their order and every way the class can
# change under such code (a property, __setattr__, a new __init__, a
# descriptor, __new__) must behave as written, as must calls that do not
# fit the simple form (defaults, keywords, wrong counts).


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def make(cls, n, *extra):
    return [cls(i, i * 2, *extra) for i in range(n)]


ps = make(P, 6)
print([vars(p) for p in ps[:2]], ps[5].x + ps[5].y)
print(vars(P(y=1, x=2)), vars(P(3, y=4)))
try:
    P(1)
except TypeError as e:
    print("TypeError:", e)
try:
    P(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)


class Swap:
    def __init__(self, a, b, c):
        self.c = c
        self.a = a
        self.me = self
        self.b2 = b
        self.b = b


ss = [Swap(i, -i, "c%d" % i) for i in range(5)]
s = ss[4]
print(vars(s) == {"c": "c4", "a": 4, "me": s, "b2": -4, "b": -4}, list(vars(s)),
      s.me is s)


class Dflt:
    def __init__(self, x, y=7):
        self.x = x
        self.y = y


print([vars(Dflt(i)) for i in range(3)], vars(Dflt(1, 2)))


# The class changes after many instances were made.
for _ in range(3):
    make(P, 3)
P.x = property(lambda self: self._x * 100,
               lambda self, v: setattr(self, "_x", v))
p = P(5, 6)
print(p.x, vars(p))
del P.x
p = P(5, 6)
print(p.x, vars(p))
P.x = 0  # a plain default: the instance's value still wins
print(P(8, 9).x, vars(P(8, 9)), P.x)


def logging_setattr(self, name, value):
    print("setattr", name, value)
    object.__setattr__(self, name, value)


P.__setattr__ = logging_setattr
print(vars(P(1, 2)))
del P.__setattr__
print(vars(P(3, 4)))


def other_init(self, x, y):
    self.sum = x + y


P.__init__ = other_init
print(vars(P(3, 4)))


class Desc:
    def __set__(self, obj, value):
        print("desc set", value)

    def __get__(self, obj, owner):
        return "desc"


class Q:
    def __init__(self, x, y):
        self.x = x
        self.y = y


make(Q, 4)
Q.y = Desc()
q = Q(1, 2)
print(q.y, vars(q))


class WithNew:
    def __new__(cls, *args):
        print("new", args)
        return super().__new__(cls)

    def __init__(self, x, y):
        self.x = x
        self.y = y


print([vars(WithNew(i, i)) for i in range(2)])


class Sub(P):
    pass


class Sub2(Q):
    def __init__(self, x, y):
        super().__init__(x, y)
        self.z = x * y


print([vars(Sub(i, i)) for i in range(3)])
print([vars(Sub2(i, i + 1)) for i in range(3)])


class Wide:
    def __init__(self, a, b, c, d, e, f, g, h, i):
        self.a = a
        self.b = b
        self.c = c
        self.d = d
        self.e = e
        self.f = f
        self.g = g
        self.h = h
        self.i = i


ws = [Wide(*range(k, k + 9)) for k in range(4)]
print(vars(ws[3]))


class More:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        print("body", x, y)


print([vars(More(i, i)) for i in range(3)])


# Creating instances while the class's own __init__ is being replaced by
# one with another layout.
class R:
    def __init__(self, a, b):
        self.a = a
        self.b = b


rs = [R(i, i) for i in range(4)]


def r_init(self, a, b):
    self.b = b
    self.a = a


R.__init__ = r_init
rs += [R(i, -i) for i in range(4, 7)]
print([list(vars(r).items()) for r in rs])
