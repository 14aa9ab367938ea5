records = [("amy", 3), ("bob", 1), ("cat", 3), ("dan", 2), ("eve", 1), ("fay", 3)]
by_score = sorted(records, key=lambda r: r[1])
print(by_score)
by_score_desc = sorted(records, key=lambda r: r[1], reverse=True)
print(by_score_desc)
big = [(i * 7919) % 1000 for i in range(200)]
s = sorted(big)
print(s[:10], s[-5:], all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
print(sorted(big, reverse=True)[:5])
print(sorted([3, 1, 2], key=lambda x: -x))
