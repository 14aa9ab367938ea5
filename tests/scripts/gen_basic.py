def count_up(n):
    print("  generator starts")
    i = 0
    while i < n:
        yield i
        i += 1
    print("  generator ends")
g = count_up(3)
print("created, not started")
print(next(g))
print(next(g))
print(list(g))
print(list(g))
def evens():
    for i in range(10):
        if i % 2 == 0:
            yield i
print(list(evens()), sum(evens()), max(evens()))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(12)])
print(type(g))
