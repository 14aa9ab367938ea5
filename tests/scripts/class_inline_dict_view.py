# An instance's __dict__ is its attribute storage: changes through either
# side show through the other, vars() is the same dict, dir() sees the
# attributes, and objects of the same class are not affected.


class C:
    def __init__(self):
        self.x = 1
        self.y = 2


a = C()
b = C()
d = a.__dict__
print(d, d is a.__dict__, vars(a) is d)
a.z = 3
print(d)
d["w"] = 4
print(a.w, vars(a))
d["x"] = 10
print(a.x, b.x)
del d["y"]
print(hasattr(a, "y"), b.y)
a.y = 20
print(list(d), a.y)
d.clear()
print(vars(a), hasattr(a, "x"))
a.x = 5
print(vars(a), a.x)
d.update({"p": 1, "q": 2})
print(a.p, a.q, vars(a))
print([n for n in dir(b) if not n.startswith("__")])
print([n for n in dir(a) if not n.startswith("__")])

# __dict__ asked for before any attribute exists.
e = C.__new__(C)
ed = e.__dict__
print(ed)
e.y = 1
e.x = 2
print(ed, e.x, e.y)


class Empty:
    pass


o = Empty()
print(vars(o), dir(o) == dir(Empty()))
o.k = "v"
print(vars(o), o.__dict__["k"])

# Replacing values in a loop keeps the order and the other objects.
objs = [C() for _ in range(4)]
for i, obj in enumerate(objs):
    obj.x = i
    obj.y = -i
    obj.__dict__["y"] *= 10
print([vars(obj) for obj in objs])
