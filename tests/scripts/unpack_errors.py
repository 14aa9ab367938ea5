cases = [
    ("a, b = [1, 2, 3]", lambda: _two([1, 2, 3])),
    ("a, b = [1]", lambda: _two([1])),
    ("a, b = 5", lambda: _two(5)),
    ("a, *b, c = [1]", lambda: _star([1])),
]
def _two(v):
    a, b = v
    return a, b
def _star(v):
    a, *b, c = v
    return a, b, c
for text, fn in cases:
    try:
        fn()
    except (ValueError, TypeError) as e:
        print(text, "->", type(e), e)
def gen():
    yield 1
    yield 2
    yield 3
try:
    x, y = gen()
except ValueError as e:
    print("ValueError:", e)
x, y, z = gen()
print(x, y, z)
