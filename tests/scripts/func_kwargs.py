def f(**kwargs):
    return kwargs
print(f(), f(a=1), f(b=2, a=1))
def g(x, y=0, **opts):
    print("x", x, "y", y, "opts", opts)
g(1)
g(1, 2, z=3)
g(y=5, x=4, w=6, v=7)
options = {"color": "red", "size": 3}
print(f(**options), f(**options, extra=True))
g(**{"x": 10, "q": 11})
def all_kinds(a, b=2, *args, c, d=4, **kw):
    return [a, b, args, c, d, kw]
print(all_kinds(1, c=3))
print(all_kinds(1, 5, 6, 7, c=8, e=9))
