b = b"ABCDEF"
print(b[0], b[-1], type(b[0]))
print(b[1:3], b[::-1], b[::2], b[4:100], b[5:1])
print(list(b), [x for x in b"az"])
print(65 in b, b"CD" in b, b"XY" in b)
try:
    b[10]
except IndexError as e:
    print("IndexError:", e)
try:
    b[0] = 1
except TypeError as e:
    print("TypeError:", e)
print(b + b"GH", b * 2, len(b + b""))
print(b == b"ABCDEF", b < b"ABD", b"" < b"a", b != "ABCDEF")
print(sorted(b"cab"), max(b"cab"), sum(b"\x01\x02\x03"))
