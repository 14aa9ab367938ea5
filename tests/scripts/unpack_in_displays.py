print([*range(3), *"ab"])
print((*[1, 2], 3), (*"xy",))
print({*[1, 1, 2], 3})
print({**{"a": 1}, **{"b": 2}})
base = {"a": 1, "b": 2}
print({**base, "a": -1}, {"a": -1, **base})
print([*[], *()], [0, *[1, 2], 3])
