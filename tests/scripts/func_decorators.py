def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper() + "!"
    return wrapper
def count_calls(fn):
    calls = [0]
    def wrapper(*args):
        calls[0] += 1
        print("call", calls[0], "of", fn.__name__)
        return fn(*args)
    return wrapper
@shout
def hello(name):
    return "hello " + name
print(hello("world"))
@count_calls
@shout
def bye(name):
    return "bye " + name
print(bye("a"))
print(bye("b"))
def repeat(n):
    def deco(fn):
        def wrapper(x):
            for _ in range(n):
                x = fn(x)
            return x
        return wrapper
    return deco
@repeat(3)
def double(x):
    return x * 2
print(double(1))
registry = []
def register(fn):
    registry.append(fn)
    return fn
@register
def a(): return 1
@register
def b(): return 2
print([f() for f in registry])
