it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
s = iter("ab")
print(next(s), next(s))
d = iter({"x": 1, "y": 2})
print(list(d))
i2 = iter(it)
print(i2 is it)
r = iter(range(2))
print(next(r), next(r), next(r, None))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 4)))
for bad in (5, None):
    try:
        iter(bad)
    except TypeError as e:
        print("TypeError:", e)
