s = "  \t hello world \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "xxhixx".lstrip("x"), "xxhixx".rstrip("x"))
print("abcHELLOcba".strip("abc"), "www.example.com".strip("cmowz."))
print(repr("".strip()), repr("   ".strip()), repr("x".strip("x")))
print("--==text==--".strip("-="), "123abc321".strip("0123456789"))
print("  a b  ".strip(" "), repr("\x0b\x0cv\r".strip()))
print("aaa".lstrip("a") == "", "banana".rstrip("an"))
