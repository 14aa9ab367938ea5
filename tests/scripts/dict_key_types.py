d = {}
d[1] = "a"
d[1.0] = "b"
d[True] = "c"
print(d, len(d))
d[0] = "zero"
d[False] = "false"
d[-0.0] = "negzero"
print(d)
d[(1, 2)] = "tuple"
d["1"] = "str"
d[None] = "none"
d[b"1"] = "bytes"
print(d)
try:
    d[[1]] = "list"
except TypeError as e:
    print("TypeError:", e)
try:
    print(d[{}])
except TypeError as e:
    print("TypeError:", e)
