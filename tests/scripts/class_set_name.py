# __set_name__: called on every namespace value whose type defines it, with
# the class and the name, in order; a failure is CPython 3.11's RuntimeError.
class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, "unset")
class C:
    a = Field()
    b = Field()
    c = 5
print(C.a.name, C().a)
class Bad:
    def __set_name__(self, owner, name):
        raise ValueError("no " + name)
try:
    class D:
        x = Bad()
except Exception as e:
    print(type(e).__name__, e, type(e.__cause__).__name__, e.__cause__)
class E(C):
    d = Field()
print(E.d.name)
import gc
class Heavy:
    def __set_name__(self, owner, name):
        junk = [[i] * 10 for i in range(20000)]
        gc.collect()
        owner.seen = getattr(owner, "seen", ()) + (name,)
class G:
    p = Heavy()
    q = Heavy()
print(G.seen, G.__name__)
