s = "Hello, World"
print(s[0], s[-1], s[7], s[-5])
print(s[0:5], s[7:], s[:5], s[-5:], s[:], s[::-1])
print(s[::2], s[1::3], s[-1:-6:-1], s[10:2:-2])
print(s[100:], s[-100:3], s[5:2], repr(s[3:3]))
print(s[2:-2], s[-3:-1])
for i in (12, -13, 100):
    try:
        s[i]
    except IndexError as e:
        print("IndexError:", e)
u = "añb中c"
print(u[1], u[3], u[1:4], u[::-1], len(u))
try:
    s[0] = "h"
except TypeError as e:
    print("TypeError:", e)
