print({x % 5 for x in range(20)})
print(sorted({w.lower() for w in ["A", "a", "B", "b", "c"]}))
print({x for x in range(7) if x % 2})
s = {len(w) for w in "a bb cc ddd".split()}
print(s, type(s))
print(sorted({(x, x % 2) for x in range(4)}))
print(set() == {x for x in []})
