# Loops over locals run `while x < K` (its bottom test), `x += K` and
# `(expr) <op> K` as superinstructions; every operand that leaves their
# int fast path, an unbound local and an error must behave as the plain
# instructions do.


def count(n):
    i = 0
    while i < n:
        i += 1
    return i


def lcg(n):
    x = 1
    acc = 0
    i = 0
    while i < n:
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        acc = (acc + (x >> 7)) ^ (i & 255)
        i += 1
    return x, acc


def floats(n):
    x = 0.5
    while x < n:
        x += 1.25
    y = (x * 2) - 0.5
    return x, y


def strings():
    s = "a"
    while s < "aaaa":
        s += "a"
    return s, (s * 2) + "!"


def mixed():
    total = 0
    for v in [1, 2.5, True]:
        t = v
        t += 10
        total = total + (t * 2)
    return total


def unbound():
    k += 1


def bad(v):
    v += 1
    return v


def not_int_test():
    j = None
    while j < 3:
        j += 1


print(count(0), count(1), count(7))
print(lcg(1000))
print(floats(5))
print(strings())
print(mixed())
for f, a in [(unbound, ()), (bad, ("x",)), (not_int_test, ())]:
    try:
        f(*a)
    except Exception as e:
        print(type(e).__name__, e)
print(bad([1]) if False else bad(41))
bad(None)
