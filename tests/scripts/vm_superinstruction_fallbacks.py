# The VM fuses common instruction groups (load a local and a constant,
# operate, compare and branch, return a local); every group must behave
# exactly as its parts when the operands are not plain ints.


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return Num(self.v + (other.v if isinstance(other, Num) else other))

    def __lt__(self, other):
        return self.v < (other.v if isinstance(other, Num) else other)

    def __repr__(self):
        return "Num(%r)" % (self.v,)


def add_const(x):
    return x + 1


def add_locals(x, y):
    return x + y


def below_two(n):
    if n < 2:
        return "small"
    return "big"


def compare_locals(a, b):
    if a < b:
        return "lt"
    return "ge"


def store_then_load(x):
    y = x * 2
    return y


for v in (1, 2.5, Num(3), True, 2**62):
    print(add_const(v), below_two(v))
for a, b in ((1, 2), ("a", "b"), (1.5, 0.5), ([1], [2]), (Num(1), 5)):
    print(add_locals(a, b), compare_locals(a, b))
print(store_then_load("ab"), store_then_load(3))

try:
    add_const("s")
except TypeError as e:
    print("TypeError:", e)
try:
    below_two("s")
except TypeError as e:
    print("TypeError:", e)
try:
    compare_locals(1, "x")
except TypeError as e:
    print("TypeError:", e)


def unbound_second():
    a = 1
    if a > 5:
        b = 2
    return a + b


def unbound_first():
    if False:
        a = 1
    return a + 1


for f in (unbound_second, unbound_first):
    try:
        f()
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)


def int_overflow_falls_back(x):
    return x * 3 + 1


print(int_overflow_falls_back(10))


def loop_sum(n):
    total = 0
    i = 0
    while i < n:
        total = total + i
        i = i + 1
    return total


print(loop_sum(1000), loop_sum(0), loop_sum(2.5))


def traceback_line(x):
    y = x
    return y + 1


traceback_line(None)
