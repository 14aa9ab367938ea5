print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), () < (0,))
print((1, "a") == (1, "a"), (1, 2) == (1.0, 2.0), (1,) == [1])
print(sorted([(2, "b"), (1, "c"), (2, "a"), (1, "b")]))
print(max([(1, 5), (2, 0), (1, 9)]), min((3, 1), (3, 0)))
d = {(0, 0): "origin", (1, 2): "point"}
print(d[(0, 0)], d[1, 2], (1, 2) in d)
print(hash((1, 2)) == hash((1, 2)), hash((1, "a")) == hash((1, "a")))
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print("TypeError:", e)
print((1, 2) != (1, 2), (None,) == (None,))
