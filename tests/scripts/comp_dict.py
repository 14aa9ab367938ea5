print({x: x * x for x in range(5)})
words = ["apple", "banana", "cherry", "avocado"]
print({w: len(w) for w in words})
print({w[0]: w for w in words})
print({k: v for k, v in zip("abc", [1, 2, 3]) if v != 2})
d = {"a": 1, "b": 2}
print({v: k for k, v in d.items()})
print({i: [j for j in range(i)] for i in range(4)})
print({(x, y): x * y for x in range(2) for y in range(2)})
