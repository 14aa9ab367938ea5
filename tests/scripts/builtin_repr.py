values = [1, -2, 1.5, 1e16, -0.0, True, None, "s", "it's", b"b", [1, "a"],
          (1,), (), {"k": [1]}, set(), {1}, range(3), range(1, 5, 2)]
for v in values:
    print(repr(v))
print(repr(repr("x")), repr(str(1)), repr([None, [None]]))
print(repr(ValueError("m")), repr(len), repr(print))
print(repr(int), repr(ZeroDivisionError), repr(type(None)))
nested = {"a": (1, [2, {"b": "c"}]), "d": {3}}
print(repr(nested))
print(str(nested) == repr(nested))
