# sigvm-only: 64-bit ints overflow where CPython's are unbounded
small = -9223372036854775807 - 1
print(3037000499 * 3037000499)
tests = [
    ("3037000500 * 3037000500", lambda: 3037000500 * 3037000500),
    ("small * -1", lambda: small * -1),
    ("small // -1", lambda: small // -1),
    ("1 << 63", lambda: 1 << 63),
    ("4611686018427387904 * 2", lambda: 4611686018427387904 * 2),
    ("sum", lambda: sum([9223372036854775807, 1])),
]
for name, f in tests:
    try:
        print(name, "=", f())
    except OverflowError as e:
        print(name, "->", e)
print(small % -1, small // 1, -4611686018427387904 * 2)
fact = 1
n = 1
try:
    while n < 30:
        n += 1
        fact *= n
except OverflowError as e:
    print("factorial overflowed at", n, "last value", fact, e)
