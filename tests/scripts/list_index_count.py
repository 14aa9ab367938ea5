l = [1, 2, 3, 2, 1, 2, "a", 2.0]
print(l.index(2), l.index(2, 2), l.index(2, 4), l.index("a"))
print(l.count(2), l.count(1), l.count("a"), l.count(99))
print(l.index(1.0), l.count(True))
try:
    l.index(7)
except ValueError as e:
    print("ValueError:", e)
try:
    l.index(3, 3, 5)
except ValueError as e:
    print("ValueError:", e)
print(3 in l, 7 not in l, [1, 2] in [[1, 2], 3])
