a = {1, 2, 3}
b = {2, 3, 4}
print(a.union(b), a.union([5], (6,)), a.intersection(b), a.difference(b))
print(a.symmetric_difference(b), a.issubset({1, 2, 3, 4}), a.issuperset({1}))
print(a.isdisjoint({7, 8}), a.isdisjoint(b))
c = a.copy()
c.add(0)
print(a, c)
c.intersection_update({0, 1, 2})
print(c)
c.difference_update([0])
print(c)
print(sorted({"pear", "apple", "fig"}), "apple" in {"pear", "apple"})
print(len({"a", "b", "a"}))
