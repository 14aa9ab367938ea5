print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate([], 5)))
for i, w in enumerate(["x", "y"], start=10):
    print(i, w)
e = enumerate("hi")
print(next(e), next(e), next(e, "end"))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))))
print(list(reversed((1, 2))), "".join(reversed("stressed")))
print(list(reversed({"a": 1, "b": 2})))
r = reversed([1, 2])
print(next(r), list(r))
try:
    reversed(5)
except TypeError as e:
    print("TypeError:", e)
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
