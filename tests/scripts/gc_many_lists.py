# Allocates far more short-lived objects than should ever be live at once.
total = 0
for i in range(200000):
    chunk = [i, i + 1, i + 2]
    pair = (chunk, str(i))
    total += len(pair[0]) + len(pair[1])
print(total)
keep = []
for i in range(100000):
    keep.append([i])
    if len(keep) > 100:
        keep = keep[50:]
print(len(keep), keep[0], keep[-1])
