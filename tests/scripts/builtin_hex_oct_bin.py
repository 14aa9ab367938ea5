for n in (0, 1, 10, 255, -255, 4096, 9223372036854775807, -9223372036854775807 - 1):
    print(n, hex(n), oct(n), bin(n))
print(int(hex(3054), 16), int(oct(3054), 8), int(bin(3054), 2))
try:
    hex(1.5)
except TypeError as e:
    print("TypeError:", e)
print(hex(True), bin(False))
