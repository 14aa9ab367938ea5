class Both:
    def __init__(self, v):
        self.v = v
    def __str__(self):
        return "Both(" + str(self.v) + ")"
    def __repr__(self):
        return "Both<" + repr(self.v) + ">"
class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"
class StrOnlyBase:
    def __str__(self):
        return "str only"
    def __repr__(self):
        return "StrOnlyBase()"
b = Both("x")
print(b, str(b), repr(b), [b], (b,), {"k": b})
print(f"{b} {b!r}", "%s %r" % (b, b))
r = ReprOnly()
print(r, str(r), [r])
print(StrOnlyBase(), [StrOnlyBase()])
class BadStr:
    def __str__(self):
        return 42
    def __repr__(self):
        return "BadStr()"
try:
    str(BadStr())
except TypeError as e:
    print("TypeError:", e)
