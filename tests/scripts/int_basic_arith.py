a, b = 1234567, 89
print(a + b, a - b, a * b, a // b, a % b)
print(-a, +a, abs(-a))
print(12345678 * 87654321)
print(100 - 200, 0 - 0, 5 * -5)
print(1 + 2 * 3 - 4 // 2, (1 + 2) * (3 - 4) // 2)
print(7 % 3 * 2, 2 * 7 % 3, -7 // 2 * 2)
x = 0
for i in range(1, 101):
    x += i * i
print(x)
print(type(x))
print(str(10 ** 17), repr(-10 ** 17))
