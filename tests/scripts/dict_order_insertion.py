d = {}
for k in ["zebra", "apple", "mango", "kiwi"]:
    d[k] = len(k)
print(d)
d["apple"] = 0
print(list(d))
del d["zebra"]
d["zebra"] = 1
print(list(d))
d.pop("mango")
d["banana"] = 6
print(d)
big = {}
for i in range(100):
    big[i * 37 % 101] = i
print(list(big)[:10], len(big))
for i in range(0, 100, 2):
    del big[i * 37 % 101]
print(list(big)[:10], len(big))
