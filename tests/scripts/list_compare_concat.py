print([1, 2] + [3], [1] * 3, 2 * [0, 1], [] * 5)
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [2] > [1, 9, 9])
print([1, 2] == [1, 2], [1, 2] != [2, 1], [] == [], [1] == [1.0])
print([[1, 2], [1]] < [[1, 2], [2]])
grid = [[0] * 3] * 2
grid[0][0] = 1
print(grid)
grid = [[0] * 3 for _ in range(2)]
grid[0][0] = 1
print(grid)
try:
    [1] + (2,)
except TypeError as e:
    print("TypeError:", e)
print(list(), list("ab"), list((1, 2)), list(range(3)), list({"k": 1}))
print(len([]), len([None] * 4), max([3, 7, 2]), min([3, 7, 2]))
