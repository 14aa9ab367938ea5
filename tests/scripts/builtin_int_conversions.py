print(int(7), int(7.9), int(-7.9), int("  12 "), int("-0"), int("+5"))
print(int("1_000_000"), int("0b101", 0), int("0o17", 0), int("0x1F", 0), int("17", 0))
print(int("z", 36), int("Z", 36), int("11", 2), int("-ff", 16))
print(int(True), int(False), int(1e18), int(-1e-9), int(2.5e3))
errors = [("12.5",), ("",), ("1e3",), ("0x",), ("08", 0), ("2", 2), (None,), ([1],), ("1", 1), ("1", 37)]
for args in errors:
    try:
        print(int(*args))
    except (ValueError, TypeError) as e:
        print(args, type(e), e)
