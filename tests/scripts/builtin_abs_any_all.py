print(abs(-5), abs(5), abs(0), abs(-2.5), abs(-0.0), abs(True), abs(float("-inf")))
print(any([]), any([0, "", None]), any([0, 1]), any("x"), any(x > 2 for x in [1, 3]))
print(all([]), all([1, "a", [0]]), all([1, 0]), all(""), all(x > 0 for x in [1, 2]))
def noisy(v):
    print("  check", v)
    return v
print(any(noisy(x) for x in [0, 1, 2]))
print(all(noisy(x) for x in [1, 0, 2]))
try:
    abs("x")
except TypeError as e:
    print("TypeError:", e)
