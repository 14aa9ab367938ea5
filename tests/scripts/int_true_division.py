print(7 / 2, 6 / 3, -7 / 2, 1 / 3, 2 / 3)
print(type(6 / 3), 10 / 4, 0 / 5, -0 / 5)
print(1 / 7, 22 / 7, 1 / 1024)
print(9007199254740993 / 1)
print(1e300 * 10 / 10)
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(1.5 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(1.5 // 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
