print(int("42"), int("-17"), int("  +8  "), int("1_000"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0))
print(int("777", 8), int("0o777", 0), int("101", 2), int("0b101", 0))
print(int("z", 36), int("10", 36))
print(int(3.9), int(-3.9), int(0.5), int(True))
print(int(), int("0"), int("-0"))
for s in ["", "abc", "1.5", "12a", "0x10", " ", "1 2"]:
    try:
        print(int(s))
    except ValueError as e:
        print("ValueError:", e)
try:
    int("9", 8)
except ValueError as e:
    print("ValueError:", e)
