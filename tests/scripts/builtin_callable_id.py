def f():
    pass
class C:
    def m(self):
        pass
print(callable(f), callable(C), callable(C().m), callable(len), callable(print))
print(callable(1), callable("s"), callable(None), callable([]), callable(lambda: 1))
a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), a is b, a is not c, a == c)
print(id(a) == id(a), type(id(a)) is int)
x = None
print(x is None, None is None, id(None) == id(None))
s1 = "same"
print(s1 is s1, id(s1) == id(s1))
