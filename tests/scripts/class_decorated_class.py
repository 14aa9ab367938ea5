registry = {}
def register(cls):
    registry[cls.__name__] = cls
    return cls
def add_hello(cls):
    def hello(self):
        return "hello from " + type(self).__name__
    cls.hello = hello
    return cls
@register
@add_hello
class Widget:
    pass
@register
class Gadget:
    pass
print(sorted(registry))
print(Widget().hello())
print(registry["Gadget"] is Gadget)
