# A first taste of sigvm: closures, classes, generators and exceptions.
# (The signal tour comes with the signal module.)

def counter(start):
    n = start

    def step():
        nonlocal n
        n += 1
        return n
    return step


class Shape:
    def __init__(self, name, sides):
        self.name = name
        self.sides = sides

    def __repr__(self):
        return f"Shape({self.name!r}, sides={self.sides})"


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


tick = counter(10)
print("ticks:", tick(), tick(), tick())
print(sorted([Shape("square", 4), Shape("triangle", 3)], key=lambda s: s.sides))
gen = fib()
print("fib:", [next(gen) for _ in range(12)])
try:
    {}["missing"]
except KeyError as e:
    print("caught", repr(e))
print(f"{'done':>8}|{3.14159:.2f}|{255:#x}")
