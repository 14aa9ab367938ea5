print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max((4, 5)))
print(min("hello"), max("hello"), min(["b", "a"]), max({"x": 1, "y": 2}))
print(min([3, 1], key=lambda x: -x), max(["aa", "b", "ccc"], key=len))
print(max([1, 3, 3, 2], key=lambda x: x == 3), min([], default="empty"))
print(max([], default=None), min(1.5, 1), max(-0.0, 0.0), max(0, -0.0))
print(max([(1, "a"), (1, "b")]), min(range(5, 10)))
for bad in ([], ()):
    try:
        min(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    max(1)
except TypeError as e:
    print("TypeError:", e)
try:
    max(1, "a")
except TypeError as e:
    print("TypeError:", e)
