# Class attributes as defaults for instance attributes: reads see the
# class value until the instance has its own, stores go to the instance,
# and changes to the class (new default, deleted default, a property or a
# descriptor put in its place) show at once, from the same code.


class C:
    count = 0
    label = "c"

    def __init__(self, own):
        if own:
            self.label = "own"

    def bump(self):
        self.count += 1
        return self.count

    def show(self):
        return (self.label, self.count)


def run(objs, n):
    out = []
    for o in objs:
        for _ in range(n):
            o.bump()
        out.append(o.show())
    return out


objs = [C(i % 2 == 0) for i in range(4)]
print([o.show() for o in objs])
print(run(objs, 3), C.count)
fresh = C(False)
print(fresh.show(), [vars(o) for o in objs[:2]])
C.label = "new default"
print(fresh.show(), objs[1].show(), objs[0].show())
del C.label
try:
    fresh.show()
except AttributeError as e:
    print("AttributeError:", e)
print(objs[0].show())
C.label = "back"
objs[3].__dict__  # a dict from now on
print(run(objs, 2), fresh.show())


# The default becomes a property, then a plain descriptor class gains
# __set__ (becoming a data descriptor) while instances hold values.
class Desc:
    def __get__(self, obj, owner):
        return "desc get"


def reads(objs):
    return [o.label for o in objs]


def writes(objs, v):
    for o in objs:
        o.label = v


print(reads(objs))
C.label = property(lambda self: "prop", lambda self, v: print("prop set", v))
print(reads(objs))
writes(objs[:1], "x")
C.label = Desc()
print(reads(objs))
Desc.__set__ = lambda self, obj, v: print("desc set", v)
print(reads(objs))
writes(objs[:2], "y")
del Desc.__set__
print(reads(objs))
writes(objs[:1], "z")
print(reads(objs))


# Class attributes that are functions: a plain read binds them unless the
# instance has its own value.
class F:
    def __init__(self):
        self.a = 1

    def meth(self):
        return "meth"

    def get(self):
        return self.meth


fs = [F() for _ in range(3)]
fs[1].meth = lambda: "own"
print([f.get()() for f in fs])
F.meth = 5
print([f.get() if isinstance(f.get(), int) else f.get()() for f in fs])
