# sigvm-only: 64-bit ints overflow where CPython's are unbounded
big = 9223372036854775807
small = -9223372036854775807 - 1
print(big, small)
tests = [
    ("big + 1", lambda: big + 1),
    ("small - 1", lambda: small - 1),
    ("big - small", lambda: big - small),
    ("-small", lambda: -small),
    ("abs(small)", lambda: abs(small)),
    ("big + big", lambda: big + big),
]
for name, f in tests:
    try:
        print(name, "=", f())
    except OverflowError as e:
        print(name, "->", e)
x = big
try:
    x += 1
except OverflowError as e:
    print("x += 1 ->", e, "x is still", x)
print(big - 1 + 1, small + 1 - 1)
