print(list(range(5)), list(range(2, 7)), list(range(0, 20, 5)))
print(list(range(0)), list(range(5, 2)), list(range(-3, 3)))
print(range(5), range(1, 10, 2), type(range(3)))
print(len(range(10)), len(range(0, 10, 3)), len(range(10, 0)))
total = 0
for i in range(1, 11):
    total += i
print(total)
print(sum(range(101)), max(range(7)), min(range(3, 9)))
