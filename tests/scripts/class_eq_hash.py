class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return isinstance(other, P) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return "P(%d, %d)" % (self.x, self.y)
a, b, c = P(1, 2), P(1, 2), P(2, 1)
print(a == b, a is b, a == c, a != b, a != c, a == "P")
d = {a: "first"}
d[b] = "second"
print(d, len(d), d[P(1, 2)])
s = {a, b, c}
print(len(s), P(2, 1) in s)
print(a in [c, b], [a].index(b))
class NoHash:
    def __eq__(self, other):
        return True
try:
    hash(NoHash())
except TypeError as e:
    print("TypeError:", e)
class Plain:
    pass
x = Plain()
print(x == x, x == Plain(), hash(x) == hash(x))
