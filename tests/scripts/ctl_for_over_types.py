for x in [1, 2]:
    print("list", x)
for x in (3, 4):
    print("tuple", x)
for x in "hé":
    print("str", x)
for x in b"AB":
    print("bytes", x)
for k in {"a": 1, "b": 2}:
    print("dict", k)
for k, v in {"a": 1, "b": 2}.items():
    print("items", k, v)
for x in sorted({3, 1, 2}):
    print("set", x)
for x in range(3, 0, -1):
    print("range", x)
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print("nested unpack", i, a, b)
for x in iter([7, 8]):
    print("iter", x)
for x in (n * n for n in range(3)):
    print("genexpr", x)
try:
    for x in 5:
        pass
except TypeError as e:
    print("TypeError:", e)
