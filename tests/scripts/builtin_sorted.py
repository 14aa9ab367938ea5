print(sorted([3, 1, 2]), sorted([3, 1, 2], reverse=True))
print(sorted("banana"), sorted((5, -1, 0)), sorted({"b": 1, "a": 2}))
print(sorted([]), sorted({3, 1, 2}), sorted(range(5, 0, -2)))
words = ["kiwi", "Fig", "apple", "Date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(sorted(words, key=lambda w: w[-1], reverse=True))
data = [{"n": "b", "v": 2}, {"n": "a", "v": 2}, {"n": "c", "v": 1}]
print([d["n"] for d in sorted(data, key=lambda d: d["v"])])
original = [3, 2, 1]
s = sorted(original)
print(original, s, s is original)
print(sorted([1.5, 1, True, 0.5]), sorted([(1, "b"), (1, "a")]))
try:
    sorted([1, None])
except TypeError as e:
    print("TypeError:", e)
