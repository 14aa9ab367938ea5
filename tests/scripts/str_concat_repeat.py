a = "abc"
b = "def"
print(a + b, a * 3, 3 * b, a * 0, repr(a * -1))
c = a
c += "!"
print(a, c)
print("-" * 20)
print(("ab" + "cd") * 2)
try:
    print("a" + 1)
except TypeError as e:
    print("TypeError:", e)
try:
    print(1 + "a")
except TypeError as e:
    print("TypeError:", e)
try:
    print("a" * 2.0)
except TypeError as e:
    print("TypeError:", e)
print(str(1) + str(2.5) + str(None) + str(True))
parts = []
for i in range(5):
    parts.append(str(i) * i)
print(parts)
