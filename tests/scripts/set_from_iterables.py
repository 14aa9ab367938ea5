print(set([3, 1, 2, 3]), set((1, 1)), set(range(5)), set("aaa"))
print(sorted(set("hello world")))
print({x % 3 for x in range(10)})
words = ["b", "a", "b", "c", "a"]
seen = set()
unique = []
for w in words:
    if w not in seen:
        seen.add(w)
        unique.append(w)
print(unique, len(seen))
print(set([1, 2]) == {2, 1}, {1, 2} == [1, 2], {()} , {(1, 2)})
print(sorted({-5, 3, 0, -1}), min({4, 2, 8}), max({4, 2, 8}), sum({1, 2, 3}))
