for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print("odd", i)
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        if j > i + 1:
            break
        print(i, j)
i = 0
while i < 10:
    i += 1
    if i < 8:
        continue
    print("while", i)
result = []
for ch in "a1b2c3":
    if ch.isdigit():
        continue
    result.append(ch)
print(result)
for i in range(5):
    pass
print("loop variable after loop:", i)
