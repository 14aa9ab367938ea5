print(", ".join(["a", "b", "c"]))
print("".join(["x", "y", "z"]))
print("-".join("abc"))
print(" ".join(str(i) for i in range(5)))
print("|".join([]), repr("|".join(["only"])))
print("\n".join(("first", "second")))
print("中".join(["a", "b"]))
try:
    ",".join(["a", 1, "c"])
except TypeError as e:
    print("TypeError:", e)
d = {"k1": 1, "k2": 2}
print("+".join(d))
