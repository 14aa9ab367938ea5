# Source is UTF-8: non-ASCII text in strings and comments — é, 中文, €.
s = "héllo wörld"
print(s)
print(len(s))
print("中文", len("中文"))
print("€" * 3)
print(repr("naïve"))
print(ord("é"), chr(233), chr(0x4e2d))
print("snowman: \u2603", "☃" == "\u2603")
