t = (1, "two", 3.0, None, [5])
print(t, len(t), t[1], t[-1], t[1:3], t[::-1])
print(type(t), type(()), (), (1,), tuple([1, 2]), tuple("ab"))
single = 5,
print(single, type(single))
x = 1, 2, 3
print(x, 2 in x, x.index(3), x.count(1))
t[4].append(6)
print(t)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
print((1, 2) + (3,), (0,) * 3, len(()))
a, b = (10, 20)
print(a, b)
print(tuple(), tuple(range(3)), (1, (2, (3,))))
