d = {"a": 1, "b": 2}
d["c"] = 3
d["a"] = 10
print(d, len(d), d["b"])
print("a" in d, "z" in d, "z" not in d, 1 in d)
del d["b"]
print(d)
print(dict(), {}, dict(x=1, y=2), dict([("k", "v"), ("k2", "v2")]))
e = {1: "int", "1": "str", (1,): "tuple", None: "none", 2.5: "float"}
print(e, e[(1,)], e[None])
print(d == {"c": 3, "a": 10}, d != {"a": 10})
print(list(d), sorted(d), len({}))
for k in d:
    print(k, d[k])
