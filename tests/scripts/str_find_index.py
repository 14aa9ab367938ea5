s = "hello world, hello sigvm"
print(s.find("hello"), s.find("hello", 1), s.find("xyz"), s.find(""))
print(s.rfind("hello"), s.rfind("o"), s.rfind("o", 0, 10), s.rfind("zz"))
print(s.find("o", 5, 8), s.find("l", -5), s.find("h", 0, 0))
print(s.index("world"), s.rindex("l"))
try:
    s.index("nope")
except ValueError as e:
    print("ValueError:", e)
try:
    s.rindex("nope")
except ValueError as e:
    print("ValueError:", e)
print("中文abc".find("a"), "中文abc".index("文"))
print("world" in s, "World" in s, "" in s)
