s = {3, 1, 2}
print(s, sorted(s), len(s))
for x in {5, 4}:
    print("member", x)
total = 0
for x in {1, 2, 3, 2, 1}:
    total += x
print(total)
print(list({0, 1}), {2} | {1}, {x * 2 for x in range(3)})
print(1 in s, 4 in s, 1.0 in s, True in s)
