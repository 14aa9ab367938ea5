values = [0, 1, -1, 0.0, 2.5, "", "0", " ", [], [0], (), (None,), {}, {0: 0},
          set(), {0}, None, True, False, range(0), range(1), b"", b"\0"]
for v in values:
    print(repr(v), bool(v), "yes" if v else "no")
print(0 or "default", 5 or "unused", "" and "x", "a" and "b")
print(None or 0 or [] or "last")
print(1 and 2 and 3, 1 and 0 and 3)
