print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5))
print(round(2.675, 2), round(1.005, 2), round(3.14159, 3), round(-1.23456, 1))
print(round(1234.5678, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(round(7), round(7.0), type(round(7.4)), type(round(7.4, 0)), round(7.4, 0))
print(round(0.1 + 0.2, 10), round(1e16 + 0.5))
print(round(123, 1), round(-0.4), round(-0.6))
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    round(float("nan"))
except ValueError as e:
    print("ValueError:", e)
