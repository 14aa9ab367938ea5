t = (3, 1, 4, 1, 5, 9, 2, 6)
print(t.count(1), t.index(4), t.index(1, 2), sorted(t), min(t), max(t), sum(t))
try:
    t.index(7)
except ValueError as e:
    print("ValueError:", e)
try:
    t[20]
except IndexError as e:
    print("IndexError:", e)
try:
    t.append(1)
except AttributeError as e:
    print("AttributeError:", e)
for i, v in enumerate(t[:3]):
    print(i, v)
print(repr((1,)), repr(()), repr(("a", "b'c")), str((1.5, None)))
