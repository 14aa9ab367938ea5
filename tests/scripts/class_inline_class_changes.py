# Instance attributes next to class attributes that change: defaults on
# the class, methods replaced after instances exist, instance attributes
# shadowing methods, properties, descriptors, __getattr__, __setattr__,
# subclasses adding attributes of their own.


class Base:
    colour = "red"

    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v


class Sub(Base):
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w

    def get(self):
        return (self.v, self.w)


b = Base(1)
s = Sub(2, 3)
print(b.colour, s.colour, b.get(), s.get(), vars(b), vars(s))
b.colour = "blue"
print(b.colour, s.colour, Base(9).colour, vars(b))
Base.colour = "green"
print(b.colour, s.colour, Base(9).colour)
del b.colour
print(b.colour)

# Methods replaced on the class, and shadowed by an instance attribute.
objs = [Base(i) for i in range(3)]


def call_all():
    return [o.get() for o in objs]


print(call_all())
Base.get = lambda self: self.v * 100
print(call_all(), s.get())
objs[1].get = lambda: "own"
print(call_all())
del objs[1].get
print(call_all())
del Base.get
try:
    call_all()
except AttributeError as e:
    print("AttributeError:", e)


# A property and a data descriptor win over the instance's values.
class Desc:
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return ("desc", obj.__dict__.get("d"))

    def __set__(self, obj, value):
        obj.__dict__["d"] = value * 2


class Props:
    d = Desc()

    def __init__(self, x):
        self._x = x
        self.d = x
        self.plain = 1

    @property
    def x(self):
        return self._x * 10

    @x.setter
    def x(self, value):
        self._x = value


p = Props(4)
print(p.x, p.d, vars(p))
p.x = 7
p.d = 5
print(p.x, p.d, p._x, vars(p))
try:
    p.__dict__["x"] = "shadow?"
    print(p.x)
except Exception as e:
    print(type(e).__name__, e)


# __getattr__ runs only for missing names; __setattr__ sees every store.
class Lazy:
    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        return "computed " + name


class Logged:
    def __init__(self):
        self.a = 1
        self.b = 2

    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value * 2)


z = Lazy()
print(z.real, z.other, vars(z))
z.other = "now real"
print(z.other)
lg = Logged()
lg.c = 3
print(vars(lg), lg.a + lg.b + lg.c)


# A class gaining a class attribute with the same name as an instance
# attribute that the same code reads and writes.
class K:
    def __init__(self):
        self.n = 0

    def bump(self):
        self.n = self.n + 1
        return self.n


k = K()
print(k.bump(), k.bump())
K.n = 1000
print(k.bump(), K().bump(), K.n)
del K.n
print(k.bump(), K().bump())


# Exception subclasses keep their own layout.
class MyErr(Exception):
    def __init__(self, msg):
        super().__init__(msg)
        self.code = 3


try:
    raise MyErr("boom")
except MyErr as e:
    print(e, e.code, e.args, vars(e))

