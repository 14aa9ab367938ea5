print(list(), list("xyz"), list((1, 2)), list({1: "a", 2: "b"}), list(range(3)))
print(tuple(), tuple([1, 2]), tuple("ab"), tuple(x for x in range(3)))
print(dict(), dict(a=1, b=2), dict([("x", 1)]), dict({"k": 1}, v=2))
print(set(), set([1, 2, 2]), sorted(set("aab")), set(range(3)))
print(bytes(), bytes(2), bytes([65, 66]), bytes("é", "utf-8"))
l = [1, 2]
print(list(l) is l, list(l) == l, tuple(t for t in (1,)))
try:
    list(5)
except TypeError as e:
    print("TypeError:", e)
