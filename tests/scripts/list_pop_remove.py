l = [10, 20, 30, 40, 50, 20]
print(l.pop(), l)
print(l.pop(0), l)
print(l.pop(-2), l)
print(l.pop(1), l)
l.remove(20)
print(l)
try:
    l.remove(99)
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].pop(5)
except IndexError as e:
    print("IndexError:", e)
del l[0]
print(l)
