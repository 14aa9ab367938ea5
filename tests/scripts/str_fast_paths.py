# Edge cases of the str fast paths: str(int) and int(str) at the limits,
# concatenation, join and split with ASCII and non-ASCII text, one-byte
# and longer separators, and slices of both kinds of string.

# str(int) and int(str): signs, lengths around 18 and 19 digits, limits.
for n in [0, 7, -7, 9, 10, 99, 100, 1024, 1025, -5, -6,
          123456789012345678, 999999999999999999, 1000000000000000000,
          9223372036854775807, -9223372036854775808]:
    s = str(n)
    print(s, len(s), int(s) == n, int(s + "") == n)
for text in ["0", "007", "000000000000000000", "123456789012345678",
             "1234567890123456789", "9223372036854775807", " 42", "42 ",
             "\t42\n", "+42", "-42", "1_000", "00012345678901234567"]:
    print(repr(text), int(text))
for bad in ["", " ", "12a", "1__0", "_1", "1_", "0x10", "- 1", "12\x00",
            "١٢٣x", "1" * 18 + "x", "9" * 18 + " x"]:
    try:
        print(int(bad))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__)
print(int("ff", 16), int("0o17", 0), int(b"123"), int(b" 12 "))
print(str(True), str(False), str(-0), str(10**18), str(int("0" * 30)))

# Concatenation keeps length and non-ASCII text right.
a = "héllo"
b = "wörld€"
for x, y in [("item", "1"), ("", "x"), ("x", ""), (a, b), ("abc", b), (a, "z")]:
    c = x + y
    print(c, len(c), c[-1], c[::-1], c[1:], c.upper())

# join: empty, one item (same object), ASCII and non-ASCII separators.
parts = ["item" + str(i) for i in range(5)]
print(",".join(parts), "".join(parts), len("".join([])), repr("".join([])))
one = "solo" + str(1)
print(",".join([one]) is one, "-".join(("a",)))
print("€".join(parts), len("€".join(parts)), "ab".join(["x", "", "y"]))
print(", ".join([a, b, "plain"]), len(", ".join([a, b, "plain"])))
print("".join(["", "", ""]) == "", len("-".join(["", ""])))
print(",".join(x for x in "abc"), "|".join({"k": 1}))
for bad in [["a", 1], [None], ("x", b"y")]:
    try:
        ",".join(bad)
    except TypeError as e:
        print(e)

# split on one-byte and longer separators, maxsplit, rsplit.
s = ",".join(parts)
print(s.split(","), len(s.split(",")), s.split(",", 2), s.rsplit(",", 2))
print("a,,b,".split(","), ",".split(","), "".split(","), "abc".split(","))
print("a€b€€c".split("€"), "a€b€€c".rsplit("€", 1), "x€y".split("y"))
print("one::two::::three".split("::"), "one::two".rsplit("::"))
print("aXbXc".split("X", 0), "aXbXc".rsplit("X", 0), "aXbXc".split("X", -1))
print("  a b\tc \n".split(), " é  ü ".split(), "a b c".split(None, 1))
print("é,ü,x".split(","), [len(p) for p in "é,üü,x".split(",")])
for bad in ["", 1]:
    try:
        "abc".split(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print("abcabc".find("c"), "abcabc".rfind("c"), "abcabc".count("c"),
      "abcabc".rindex("a"), "a.b.c".partition("."), "a.b.c".rpartition("."))
print("€x€".find("x"), "€x€".rfind("€"), "ab€".rfind("€"))

# Slices: ASCII and not, every step sign, one-character results.
t = "0123456789"
u = "ab€dé"
for sl in [slice(4, None), slice(None, 4), slice(-3, None), slice(2, 100),
           slice(100, 200), slice(None, None, 3), slice(None, None, -2),
           slice(5, 6), slice(8, 2, -3), slice(1, 2, 5), slice(-100, 3)]:
    print(repr(t[sl]), repr(u[sl]), len(t[sl]), len(u[sl]))
print(t[4:] is t[4:], t[0:] is t, t[4:5] == "4", u[2:3], u[::-1])
items = s.split(",")
print(items[::3], items[1::2], items[::-2], items[5:], items[-2:])
