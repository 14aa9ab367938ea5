print(format(42), format(42, "d"), format(42, "5d") + "|", format(42, "x"))
print(format(3.14159, ".2f"), format(3.14159, "e"), format(1e16), format(0.1))
print(format("abc", ">6") + "|", format("abc"), format("abc", "^7") + "|")
print(format(True), format(None), format([1, 2]))
print(format(1234567, ","), format(0.5, "%"), format(-5, "+"))
print(format(255, "#010b"), format(-255, "#x"))
try:
    format(1, "s")
except ValueError as e:
    print("ValueError:", e)
