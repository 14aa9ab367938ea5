# A class's own __new__ runs when the class is called: with the class
# and the call's arguments, before __init__, which runs only when
# __new__ returns an instance of the class.


class Logged:
    def __new__(cls, *args, **kw):
        print("new", cls.__name__, args, kw)
        return super().__new__(cls)

    def __init__(self, x, y=0):
        print("init", x, y)
        self.x = x
        self.y = y


a = Logged(1)
b = Logged(2, y=3)
print(vars(a), vars(b))


class Single:
    _it = None

    def __new__(cls):
        if cls._it is None:
            cls._it = super().__new__(cls)
        return cls._it

    def __init__(self):
        self.n = getattr(self, "n", 0) + 1


s1 = Single()
s2 = Single()
print(s1 is s2, s1.n)


class Other:
    def __new__(cls, v):
        return v * 2

    def __init__(self, v):
        print("never")


print(Other(21), Other("ab"))


class Child(Logged):
    def __init__(self, x):
        super().__init__(x, x)


print(vars(Child(5)), type(Child(6)).__name__)


class Late:
    def __init__(self, v):
        self.v = v


print(vars(Late(1)))


def late_new(cls, v):
    print("late new", v)
    return object.__new__(cls)


Late.__new__ = late_new
print(vars(Late(2)))


class NoInit:
    def __new__(cls, *args):
        o = super().__new__(cls)
        o.args = args
        return o


print(NoInit(1, 2).args)
