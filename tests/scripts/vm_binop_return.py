# `return a <op> b` runs the operator's fast path and the return as one
# step; every other operand must still work, and an error raised by the
# operator must point at the return line.


def add(a, b):
    return a + b


def mixed(a, b):
    return a * b - a // b


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


class V:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return V(self.v + other.v)

    def __repr__(self):
        return "V(%r)" % self.v


class Bad:
    def __add__(self, other):
        raise ValueError("no adding")


print(add(2, 3), add(2.5, 0.25), add("ab", "cd"), add([1], [2]), add((1,), (2,)))
print(add(V(1), V(2)))
print(add(True, True), add(-7, 7))
print(mixed(7, 2), mixed(7.0, 2.0), mixed(-7, 2))
print(fib(15))
try:
    add(1, "x")
except TypeError as e:
    print("TypeError", e)
try:
    add(Bad(), 1)
except ValueError as e:
    print("ValueError", e)
print(add(*[10, 20]))
add(None, 1)
