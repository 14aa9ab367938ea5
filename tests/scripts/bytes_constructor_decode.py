print(bytes([72, 105, 33]), bytes(3), bytes(), bytes(b"copy"))
print(bytes("héllo", "utf-8"), "héllo".encode("utf-8"))
print(bytes(range(65, 70)), bytes((0, 255)))
for bad in ([256], [-1], ["a"]):
    try:
        bytes(bad)
    except (ValueError, TypeError) as e:
        print(type(e), e)
try:
    bytes("text")
except TypeError as e:
    print("TypeError:", e)
raw = "中文 text".encode()
print(raw, len(raw), raw.decode("utf-8"))
print(b"x" == "x", b"x".decode() == "x")
print(bytes([0x48, 0x69]))
print(hash(b"abc") == hash(b"ab" + b"c"), {b"k": 1}[b"k"])
