# Calling a script class runs its __init__; the VM runs it as a frame of
# the loop. Results, errors and tracebacks must be CPython's.


class Point:
    def __init__(self, x, y=0, *, z=5):
        self.x = x
        self.y = y
        self.z = z


class Point3(Point):
    pass


class NoInit:
    pass


class Bad:
    def __init__(self):
        return 42


class Raises:
    def __init__(self, n):
        if n > 1:
            raise ValueError("n too big: %d" % n)
        self.n = n


class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n > 0 else None
        self.n = n


class AppError(Exception):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code


class Rebinds:
    def __init__(self):
        self = None


class Holder:
    def __init__(self):
        self.cls = Point

    def make(self):
        return self.cls(7, 8)


p = Point(1, 2)
print(p.x, p.y, p.z)
q = Point3(3, z=9)
print(type(q).__name__, q.x, q.y, q.z)
print(type(NoInit()).__name__)
d = Deep(50)
print(d.n, d.child.n, d.child.child.n)
print(type(Rebinds()).__name__)
print(Holder().make().y)
e = AppError(7)
print(e, e.code, e.args)
try:
    raise AppError(3)
except AppError as err:
    print("caught", err.code)
try:
    Point()
except TypeError as err:
    print("TypeError:", err)
try:
    Point(1, 2, 3)
except TypeError as err:
    print("TypeError:", err)
try:
    NoInit(1)
except TypeError as err:
    print("TypeError:", err)
try:
    Bad()
except TypeError as err:
    print("TypeError:", err)
print(Raises(1).n)
try:
    Raises(5)
except ValueError as err:
    print("ValueError:", err)
objs = [Point(i, i * i) for i in range(5)]
print([o.y for o in objs])


def outer():
    return Raises(9)


outer()
