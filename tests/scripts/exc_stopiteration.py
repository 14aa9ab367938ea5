it = iter([1])
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e), e.value, e.args)
print(next(it, "default"), next(iter([]), None))
def gen():
    yield 1
    return "result"
g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print("generator return value:", e.value)
try:
    raise StopIteration("manual")
except StopIteration as e:
    print(e.value, e)
def bad_gen():
    yield 1
    raise StopIteration("inside generator")
try:
    list(bad_gen())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
