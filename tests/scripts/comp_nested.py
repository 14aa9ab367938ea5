matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([[row[i] for row in matrix] for i in range(3)])
print([x for row in matrix for x in row])
print([x for row in matrix for x in row if x % 2 == 0])
print([[x * y for y in range(1, 4)] for x in range(1, 4)])
print({r: [c for c in range(r)] for r in range(3)})
print([(a, b, c) for a in range(1, 15) for b in range(a, 15) for c in range(b, 15)
       if a * a + b * b == c * c])
print(sum(sum(row) for row in matrix), [max(r) for r in matrix])
