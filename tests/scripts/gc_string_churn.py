# Builds and drops many strings; memory use must stay bounded.
count = 0
longest = 0
for i in range(100000):
    s = "item-" + str(i) * 3
    t = s.upper().replace("ITEM", "x")
    if len(t) > longest:
        longest = len(t)
    count += 1
print(count, longest)
acc = ""
for i in range(2000):
    acc = acc + "ab"
    if len(acc) > 1000:
        acc = acc[500:]
print(len(acc))
parts = [str(i) for i in range(10000)]
joined = ",".join(parts)
print(len(joined), joined[:20], joined[-10:])
