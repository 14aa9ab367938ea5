# sigvm-only: 64-bit ints overflow where CPython's are unbounded
# Every operation whose exact result leaves the 64-bit range raises
# OverflowError, whichever path computes it; results that fit are exact.
big = 9223372036854775807
small = -big - 1


def augmented():
    x = big
    x += 1
    return x


cases = [
    ("add", lambda: big + 1),
    ("sub", lambda: small - 1),
    ("mul", lambda: big * 2),
    ("neg", lambda: -small),
    ("pow", lambda: 2 ** 64),
    ("lshift", lambda: 1 << 64),
    ("abs", lambda: abs(small)),
    ("floordiv", lambda: small // -1),
    ("divmod", lambda: divmod(small, -1)),
    ("augmented", augmented),
    ("int from str", lambda: int("9" * 30)),
    ("sum", lambda: sum([big, big])),
    ("mod fits", lambda: small % -1),
    ("floordiv fits", lambda: small // 2),
    ("edge fits", lambda: big + small),
]
for name, f in cases:
    try:
        print(name, "=", f())
    except OverflowError as e:
        print(name, "OverflowError:", e)
print(big, small)
