# The AttributeError of a property without the accessor asked for: the
# property's name only when the class statement named it, and the
# instance type's qualified name.


def attempt(what, fn):
    try:
        fn()
    except AttributeError as e:
        print(what, "->", e)


class C:
    ro = property(lambda self: 1)
    wo = property(None, lambda self, v: None)

    @property
    def x(self):
        return 2

    @x.deleter
    def x(self):
        pass


c = C()
attempt("set ro", lambda: setattr(c, "ro", 5))
attempt("del ro", lambda: delattr(c, "ro"))
attempt("get wo", lambda: c.wo)
attempt("set x", lambda: setattr(c, "x", 5))
del c.x
C.late = property(lambda self: 3)
attempt("set late", lambda: setattr(c, "late", 5))
C.copied = C.x.setter(None)
attempt("set copied", lambda: setattr(c, "copied", 5))


def outer():
    class Inner:
        p = property(lambda self: 0)

    return Inner()


inner = outer()
attempt("set inner", lambda: setattr(inner, "p", 1))
