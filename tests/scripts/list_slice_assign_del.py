l = list(range(8))
l[2:4] = ["a", "b", "c"]
print(l)
l[:0] = [-1]
print(l)
l[len(l):] = [100]
print(l)
l[1:3] = []
print(l)
l[::2] = "VWXYZ"
print(l)
try:
    l[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
del l[1]
print(l)
del l[::3]
print(l)
del l[-2:]
print(l)
l[:] = (7, 8)
print(l)
del l[:]
print(l)
m = [1, 2, 3]
m[1] = m
print(m)
