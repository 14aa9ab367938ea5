print(hash(1) == hash(1.0) == hash(True))
print(hash(0) == hash(0.0) == hash(False) == hash(-0.0))
print(hash(42), hash(-42), hash(-1), hash(0))
print(hash(2.0) == hash(2), hash(1.5) == hash(1.5))
print(hash("abc") == hash("ab" + "c"))
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()))
print(hash(None) == hash(None))
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d)
for v in ([], {}, set()):
    try:
        hash(v)
    except TypeError as e:
        print("TypeError:", e)
