print(sum([1, 2, 3]), sum([]), sum(range(101)), sum((0.5, 0.25)))
print(sum([1, 2], 10), sum([[1], [2]], []), sum([0.1] * 10))
print(sum(x * x for x in range(4)), sum([True, True, False]))
print(sum([1, 2.5]), type(sum([1, 2])), type(sum([1.0])))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    sum([1, "a"])
except TypeError as e:
    print("TypeError:", e)
