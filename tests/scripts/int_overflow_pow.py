# sigvm-only: 64-bit ints overflow where CPython's are unbounded
print(2 ** 62)
print((-2) ** 63)
for base, exp in [(2, 63), (2, 64), (10, 19), (-2, 64), (3, 40)]:
    try:
        print(base ** exp)
    except OverflowError as e:
        print(base, "**", exp, "->", type(e), e)
try:
    print(pow(7, 23))
except OverflowError as e:
    print("pow:", e)
print("after")
