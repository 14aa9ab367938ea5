def f(a, b=2):
    return a * b
items = {"a": [1, 2, {"b": "deep"}]}
print(f"{f(3)} {f(3, b=4)} {f(*[2, 5])}")
print(f"{items['a'][2]['b']}")
print(f"{(lambda y: y + 1)(41)}")
print(f"{'a' if True else 'b'}{'-'.join(['x', 'y'])}")
width = 8
prec = 3
print(f"{3.14159:{width}.{prec}f}|")
print(f"{'outer ' + f'inner {width}'}")
print(f"{sum(i * i for i in range(4))}")
print(f"{f(f(1))}")
t = (1, 2)
print(f"{t} {t[0]:>3} {len(t)}")
