x = "outer x"
result = [x for x in range(3)]
print(result, x)
y = 10
print([y + i for i in range(3)])
def f():
    n = 5
    return [n * i for i in range(3)]
print(f())
class C:
    base = 100
    values = [i for i in range(3)]
print(C.values)
funcs = [lambda: i for i in range(3)]
print([fn() for fn in funcs])
def g():
    total = 2
    return {k: total * k for k in range(3)}, {total + k for k in range(2)}
print(g())
try:
    [undefined_name for _ in range(1)]
except NameError as e:
    print("NameError:", e)
