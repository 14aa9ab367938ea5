def f(a, b):
    return a + b
values = [1, 2, 3]
print(f(*values[:2]))
print(f(*values))
