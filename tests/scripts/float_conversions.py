print(float(1), float(-7), float("3.5"), float("  -2.25  "), float("1e3"))
print(float("inf"), float("-inf"), float("nan"), float(" 1_0.5 "))
print(float(True), float(), float("0.1"), float(".5"), float("5."))
print(int(1e15), int(-2.999), int(1e18))
print(str(1.0), str(1e16), str(2.5e-5), str(100.5))
for s in ["abc", "", "1.2.3", "1e", "--1"]:
    try:
        float(s)
    except ValueError as e:
        print("ValueError:", e)
print(1e16 == 10 ** 16, float(10 ** 16) == 1e16)
print(float(9007199254740993))
