def g():
    yield 1
    raise ValueError("inside generator")
it = g()
print(next(it))
try:
    next(it)
except ValueError as e:
    print("ValueError:", e)
try:
    next(it)
except StopIteration:
    print("exhausted after exception")
def recursive_use():
    yield next(me)
me = recursive_use()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
