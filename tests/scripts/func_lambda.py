square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2))
print((lambda: "no args")())
print((lambda *a, **k: (a, k))(1, 2, x=3))
print(sorted(["ccc", "a", "bb"], key=lambda s: len(s)))
fs = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in fs])
compose = lambda f, g: lambda x: f(g(x))
inc_then_square = compose(square, lambda x: x + 1)
print(inc_then_square(4))
print(list(map(lambda x: x % 3, range(7))))
print(type(square), callable(square))
