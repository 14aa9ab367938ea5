# Every way of passing an attribute name as a value (the getattr family of
# builtins, object's dunders called directly, a builtin type's slot
# wrappers, a class's own __setattr__ reached through super()) rejects a
# non-str name with the same TypeError.
import sys


class C:
    pass


c = C()
c.x = 1

attempts = [
    ("getattr", lambda: getattr(c, 1)),
    ("getattr with default", lambda: getattr(c, None, 0)),
    ("setattr", lambda: setattr(c, 2.5, 0)),
    ("delattr", lambda: delattr(c, b"x")),
    ("hasattr", lambda: hasattr(c, [])),
    ("object.__getattribute__", lambda: object.__getattribute__(c, 3)),
    ("object.__setattr__", lambda: object.__setattr__(c, 4, 0)),
    ("object.__delattr__", lambda: object.__delattr__(c, (5,))),
    ("bound __getattribute__", lambda: c.__getattribute__(6)),
    ("bound __setattr__", lambda: c.__setattr__(7, 0)),
    ("bound __delattr__", lambda: c.__delattr__(8)),
    ("type.__getattribute__", lambda: type.__getattribute__(int, 9)),
    ("module __getattribute__", lambda: type(sys).__getattribute__(sys, 10)),
    ("module __setattr__", lambda: type(sys).__setattr__(sys, 11, 1)),
    ("module __delattr__", lambda: type(sys).__delattr__(sys, 12)),
]
for what, attempt in attempts:
    try:
        attempt()
        print(what, "did not raise")
    except TypeError as e:
        print(what + ":", e)


class D:
    def __setattr__(self, name, value):
        super().__setattr__(name, value)


try:
    D().__setattr__(None, 1)
except TypeError as e:
    print("super().__setattr__:", e)
print(getattr(c, "x"), object.__getattribute__(c, "x"))
