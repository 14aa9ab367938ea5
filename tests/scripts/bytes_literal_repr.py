b = b"hello"
print(b, repr(b), type(b), len(b))
print(b'single', b"double", b'it\'s', b"say \"x\"", b"it's")
print(b"\x00\x01\x7f\x80\xff", b"\n\t\r\\")
print(b"", rb"\n raw", br"raw\x00")
print(b"a" b"b" b"c")
print([b"x", b"y"], (b"z",))
print(b"""triple
quoted""")
print(str(b"abc"), f"{b'abc'}")
