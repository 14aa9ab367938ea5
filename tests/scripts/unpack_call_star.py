def f(a, b, c=0, *args, **kwargs):
    return (a, b, c, args, kwargs)
print(f(*[1, 2]))
print(f(*(1, 2, 3, 4, 5)))
print(f(1, *[2], **{"c": 3}))
print(f(*"xy", extra=1))
print(f(*range(2), *range(2), 5))
print(f(**{"a": 1, "b": 2, "z": 9}))
args = (3, 4)
kwargs = {"c": 5, "d": 6}
print(f(*args, **kwargs))
print(*[1, 2, 3], sep="-")
print(*"abc")
print(*[])
