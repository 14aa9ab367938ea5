print(hash(0), hash(1), hash(-1), hash(-2), hash(12345), hash(True), hash(False))
print(hash(1.0), hash(0.5) == hash(0.5), hash(2.0) == 2, hash(-0.0))
print(hash("abc") == hash("abc"), hash(b"ab") == hash(b"ab"))
print(hash((1, 2, 3)) == hash((1, 2, 3)), hash(()) == hash(()))
print(hash(None) == hash(None), type(hash("x")) is int)
print(hash(1) == hash(1.0) == hash(True), hash(10 ** 15) == hash(1e15))
for bad in ([], {}, set(), ([],)):
    try:
        hash(bad)
    except TypeError as e:
        print("TypeError:", e)
class H:
    def __hash__(self):
        return 42
print(hash(H()))
