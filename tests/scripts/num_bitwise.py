a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a)
print(bin(a & b), bin(a | b), bin(a ^ b))
print(1 << 10, 1 << 62, 1024 >> 3, -1024 >> 3, -1 >> 10)
print(-5 & 0xff, -5 | 2, -5 ^ 3)
print(~0, ~-1, ~255)
print(0xff & -256, 0x0f0f | 0xf0f0)
try:
    print(1 << -1)
except ValueError as e:
    print("ValueError:", e)
try:
    print(1.0 & 1)
except TypeError as e:
    print("TypeError:", e)
