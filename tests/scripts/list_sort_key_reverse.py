nums = [5, 2, 9, 1, 5, 6, -3]
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
words = ["banana", "Apple", "cherry", "date", "Elder", "fig"]
words.sort()
print(words)
words.sort(key=len)
print(words)
words.sort(key=str.lower)
print(words)
words.sort(key=lambda w: (len(w), w), reverse=True)
print(words)
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
pairs.sort()
print(pairs)
pairs.sort(key=lambda p: p[1])
print(pairs)
print(nums.sort() is None)
mixed = [3, 1.5, True, 0]
mixed.sort()
print(mixed)
try:
    [1, "a"].sort()
except TypeError as e:
    print("TypeError:", e)
