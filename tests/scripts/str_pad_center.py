print("[" + "abc".center(9) + "]")
print("[" + "abc".center(8) + "]")
print("[" + "abc".center(9, "*") + "]")
print("[" + "abc".ljust(6) + "]", "[" + "abc".ljust(6, ".") + "]")
print("[" + "abc".rjust(6) + "]", "[" + "abc".rjust(6, "0") + "]")
print("[" + "abcdef".center(3) + "]", "[" + "ab".rjust(1) + "]")
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(5), "123456".zfill(3))
print("中".center(5, "-"), "é".ljust(3, "!"))
try:
    "x".center(5, "ab")
except TypeError as e:
    print("TypeError:", e)
