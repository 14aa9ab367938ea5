def f(a, *, key, flag=False):
    return (a, key, flag)
print(f(1, key="k"))
print(f(1, key="k", flag=True))
print(f(a=0, key=1))
try:
    f(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1)
except TypeError as e:
    print("TypeError:", e)
def g(*args, sep="-"):
    return sep.join(str(a) for a in args)
print(g(1, 2, 3), g(1, 2, sep="+"))
def h(x, *rest, y, **extra):
    return x, rest, y, extra
print(h(1, 2, 3, y=4, z=5))
