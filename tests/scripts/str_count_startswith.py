s = "banana bandana"
print(s.count("a"), s.count("an"), s.count("ana"), s.count("x"), s.count(""))
print(s.count("a", 3), s.count("a", 3, 8))
print(s.startswith("ban"), s.startswith("nan"), s.startswith("nan", 2))
print(s.endswith("ana"), s.endswith("band"), s.endswith("band", 0, 11))
print(s.startswith(("x", "y", "ba")), s.endswith(("z", "na")))
print(s.startswith(()), "".startswith(""), "abc".endswith(""))
try:
    s.startswith(["ba"])
except TypeError as e:
    print("TypeError:", e)
