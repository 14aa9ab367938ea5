values = [1, 1.5, True, "s", b"b", [1], (1,), {"a": 1}, {1}, None, range(1),
          len, print, lambda: 0, int, type]
for v in values:
    print(type(v))
print(type(1) is int, type(True) is bool, type(True) is int)
print(isinstance(True, bool), isinstance(True, int), isinstance(1, bool))
print(repr(type("")()), type(0)(), type([])())
print(type(3)("42") + 1, type("x")(99), type(2.0)("1.5"))
class K:
    pass
print(type(K()) is K, type(K) is type, isinstance(K, type))
