s = set()
s.add(3)
s.add(1)
s.add(3)
print(s, len(s))
s.discard(1)
s.discard(99)
print(s)
s.remove(3)
print(s)
try:
    s.remove(3)
except KeyError as e:
    print("KeyError:", e)
s.update([5, 6], (7,), range(2))
print(sorted(s))
print(s.pop() in {0, 1, 5, 6, 7}, len(s))
s.clear()
print(s)
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
try:
    s.add([1])
except TypeError as e:
    print("TypeError:", e)
