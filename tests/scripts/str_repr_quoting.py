samples = ["plain", "it's", 'say "hi"', "both ' and \"", "", "tab\there",
           "new\nline", "back\\slash", "\r\x0b\x0c", "\x00\x1f\x7f",
           "é", "中文", "\u20ac",
           "'", '"', "'\"'"]
for s in samples:
    print(repr(s))
print(samples[:4])
print(str("it's"), str(['a', "b'c"]))
print(repr(repr("x")))
print(("tuple",), {"key": "it's"})
