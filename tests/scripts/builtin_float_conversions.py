print(float(3), float("3"), float("-3.25"), float(" 1e-3 "), float("1E5"), float(".5"))
print(float("inf"), float("-Infinity"), float("nan"), float("+1.5"), float("1_000.5"))
print(float(True), float(10 ** 15), float("0.1") == 0.1, float(0))
for bad in ["", "x", "1.5.1", "1 2", "0x10", None, [1.0]]:
    try:
        print(float(bad))
    except (ValueError, TypeError) as e:
        print(repr(bad), type(e), e)
