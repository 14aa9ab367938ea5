class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __lt__(self, other):
        return self.parts < other.parts
    def __eq__(self, other):
        return self.parts == other.parts
    def __repr__(self):
        return "v" + ".".join(str(p) for p in self.parts)
vs = [Version(s) for s in ["1.10", "1.2", "0.9.9", "1.2.1", "1.0"]]
print(sorted(vs))
print(min(vs), max(vs))
print(Version("1.0") < Version("1.1"), Version("2.0") > Version("1.1"))
print(sorted(vs, reverse=True))
try:
    Version("1") <= Version("2")
except TypeError as e:
    print("TypeError:", e)
