print(ord("a"), ord("A"), ord("0"), ord(" "), ord("\n"), ord("é"), ord("中"), ord("€"))
print(chr(97), chr(65), chr(48), repr(chr(10)), chr(233), chr(20013), chr(0x1F600))
print([chr(c) for c in range(ord("a"), ord("f"))])
print("".join(chr(ord(c) + 1) for c in "HAL"))
print(ord(chr(1114111)) == 1114111, repr(chr(0)))
for bad in ("", "ab"):
    try:
        ord(bad)
    except TypeError as e:
        print("TypeError:", e)
for bad in (-1, 1114112):
    try:
        chr(bad)
    except ValueError as e:
        print("ValueError:", e)
