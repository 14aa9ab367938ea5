s = "héllo 中"
b = s.encode()
print(b, len(b), len(s))
print(s.encode("utf-8") == b, type(b))
print(b.decode(), b.decode("utf-8") == s)
print("abc".encode(), "".encode())
print("\n\t\\".encode())
print(b"caf\xc3\xa9".decode())
try:
    b"\xff\xfe".decode()
except ValueError as e:
    print("invalid UTF-8 raises a ValueError")
