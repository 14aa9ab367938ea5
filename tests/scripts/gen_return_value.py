def g():
    yield "a"
    return "done"
it = g()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration value:", e.value)
try:
    next(it)
except StopIteration as e:
    print("again:", e.value)
def empty():
    return 5
    yield
try:
    next(empty())
except StopIteration as e:
    print("empty generator value:", e.value)
def no_return():
    yield 1
n = no_return()
next(n)
try:
    next(n)
except StopIteration as e:
    print("no return:", e.value)
