s = "it's"
print(f"{s!r} {s!s} {s}")
print(f"{'x'!r:>6}|{'x'!s:>6}|")
print(f"{[1, 'a']!s} {[1, 'a']!r}")
class P:
    def __str__(self):
        return "str-form"
    def __repr__(self):
        return "repr-form"
p = P()
print(f"{p} {p!s} {p!r} {[p]}")
print(f"{3.0!r} {10 ** 16!s}")
