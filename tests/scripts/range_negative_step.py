print(list(range(10, 0, -1)), list(range(10, 0, -3)))
print(list(range(0, -10, -2)), list(range(-1, -5, -1)), list(range(0, 5, -1)))
print(len(range(10, 0, -3)), range(5, -5, -2))
print(list(reversed(range(4))), list(reversed(range(1, 10, 3))))
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
