print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5), divmod(0, 3))
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(1, 0.3))
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(pow(2, 8), pow(2, -1), pow(2.0, 3), pow(9, 0.5), pow(-8, 3))
print(pow(3, 4, 5), pow(10, 9, 7), pow(2, 62, 1000000007), pow(-2, 3, 5))
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print("TypeError:", e)
