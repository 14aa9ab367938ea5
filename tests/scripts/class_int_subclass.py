# Script classes derived from int: instances carry the value, behave as
# that int in arithmetic, comparisons, hashing, formatting and indexing
# (results are plain ints), and have their own methods and attributes.
class X(int):
    def double(self):
        return self * 2

    @property
    def neg(self):
        return -self


x = X(3)
print(type(x).__name__, x, x.double(), x + 1, 1 + x, isinstance(x, int), repr(x), str(x))
print(type(x + 1).__name__, x.neg, -x, abs(X(-4)), ~x, x == 3, x < 4, 3 == x, hash(x) == hash(3))
print({x: "a"}[3], {3: "b"}[x], x * 2.5, x / 2, x // 2, x % 2, x ** 2, divmod(x, 2), 2 ** x)
print(int(x), float(x), bool(X(0)), bool(x), f"{x:04d}", "%d|%s|%r" % (x, x, x), format(x, "x"))
print(sorted([X(5), 2, X(1)]), max(X(2), 1), sum([X(1), X(2)]), list(range(x)), [0, 1, 2, 3][x])
print(x.bit_length(), x.conjugate(), x.to_bytes(2, "big"), X("12"), X("ff", 16), X(), X(2.9))
x.tag = "t"
print(x.tag, vars(x))


class Y(X):
    def __repr__(self):
        return "Y(%d)" % int(self)

    def __add__(self, other):
        return Y(int(self) + int(other))


y = Y(7)
print(repr(y), y + 1, type(y + 1).__name__, y * 2, y.double(), isinstance(y, X))


class Z(int):
    def __init__(self, v):
        self.orig = v


z = Z("42")
print(z, z.orig, z + 0)
try:
    X("abc")
except ValueError as e:
    print("ValueError:", e)
for call in (lambda: int.bit_length("x"), lambda: int.conjugate(2.5), lambda: float.is_integer(3), lambda: int.__index__()):
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
print(int.bit_length(X(255)), X(5).__index__(), [1, 2, 3][X(1):], "ab" * X(2))
print(X(2) * "ab", [1, 2] * X(2), (1,) * X(2), b"a" * X(3), X(2) * [0], round(X(7)), pow(X(3), 2, 5))
flags = [X(1), X(2), X(4)]
print(sum(flags), X(6) & 2, X(6) | 1, X(6) >> 1, sorted({X(3), 3, X(1)}))
