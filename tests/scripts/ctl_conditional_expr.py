for n in range(-2, 3):
    print(n, "pos" if n > 0 else "zero" if n == 0 else "neg")
x = 10
y = x * 2 if x > 5 else x / 2
print(y)
f = (lambda v: "even" if v % 2 == 0 else "odd")
print([f(i) for i in range(4)])
print([i if i % 2 else -i for i in range(5)])
print(1 if [] else 2, "a" if "b" else "c")
