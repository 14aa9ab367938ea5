l = [1, 2, 3, 4]
l.reverse()
print(l)
c = l.copy()
c.append(5)
print(l, c, c is l)
s = l[:]
print(s == l, s is l)
nested = [[1], [2]]
shallow = nested.copy()
shallow[0].append(99)
print(nested)
l.clear()
print(l, len(l))
e = []
e.reverse()
print(e, list(reversed([1, 2, 3])))
