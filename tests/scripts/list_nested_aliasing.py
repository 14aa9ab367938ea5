a = [1, 2, 3]
b = a
b.append(4)
print(a, a is b)
c = list(a)
c.append(5)
print(a, c)
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(matrix[1][2], matrix[-1][-1], [row[1] for row in matrix])
matrix[0][0] = 100
print(matrix)
t = [a, a]
a.append(6)
print(t)
r = [1]
r.append(r)
print(r, len(r))
d = {"list": [1]}
d["list"].append(2)
print(d)
