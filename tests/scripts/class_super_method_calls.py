# super().name(...) from methods, classmethods and staticmethods, through
# several levels, to functions, natives (Exception.__init__, object's
# dunders), staticmethods and properties of the bases.


class A:
    def f(self, x):
        return ("A.f", x)

    @staticmethod
    def s(x):
        return ("A.s", x)

    @classmethod
    def c(cls, x):
        return ("A.c", cls.__name__, x)

    @property
    def p(self):
        return "A.p"

    def __repr__(self):
        return "<A-ish>"


class B(A):
    def f(self, x):
        return ("B.f",) + super().f(x + 1)

    @classmethod
    def c(cls, x):
        return ("B.c",) + super().c(x)

    def all(self):
        return (super().s(1), super().c(2), super().p, super().__repr__(),
                super().f(3))


class C(B):
    def f(self, x):
        return ("C.f",) + super().f(x * 10)

    def __repr__(self):
        return "C:" + super().__repr__()


c = C()
for i in range(3):
    print(c.f(i))
print(C.c(5), c.all(), repr(c))
B.f = lambda self, x: ("patched B.f", x)
print(c.f(1))


class Err(Exception):
    def __init__(self, code):
        super().__init__("code", code)
        self.code = code

    def __str__(self):
        return "Err " + super().__str__()


for k in range(3):
    try:
        raise Err(k)
    except Err as e:
        print(e, e.args, e.code)


class D:
    def __init__(self):
        super().__init__()
        self.h = super().__hash__() == object.__hash__(self)

    def __eq__(self, other):
        return super().__eq__(other)


d = D()
print(d.h, d == d, d == 1)
try:
    super(C, c).missing()
except AttributeError as e:
    print("AttributeError:", e)
