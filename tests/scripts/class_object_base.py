class Explicit(object):
    pass
class Implicit:
    pass
print(issubclass(Explicit, object), issubclass(Implicit, object))
o = object()
print(type(o), isinstance(o, object), o == o, o != object())
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError:", e)
class Child(Explicit):
    def __init__(self):
        super().__init__()
        self.ok = True
print(Child().ok)
print(type(Implicit), type(int), type(object))
