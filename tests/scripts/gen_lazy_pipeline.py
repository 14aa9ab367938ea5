def numbers():
    for i in range(1, 1000000000):
        yield i
def squares(it):
    for x in it:
        yield x * x
def take(n, it):
    for x in it:
        if n <= 0:
            return
        n -= 1
        yield x
print(list(take(5, squares(numbers()))))
evens = (x for x in numbers() if x % 2 == 0)
print([next(evens) for _ in range(4)])
def log(name, it):
    for x in it:
        print("  ", name, x)
        yield x
pipeline = log("b", (x * 10 for x in log("a", iter([1, 2]))))
print(list(pipeline))
print(list(zip(numbers(), "abc")))
