class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return V(self.x * k, self.y * k)
    def __rmul__(self, k):
        return V(self.x * k, self.y * k)
    def __truediv__(self, k):
        return V(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return V(self.x // k, self.y // k)
    def __mod__(self, k):
        return V(self.x % k, self.y % k)
    def __neg__(self):
        return V(-self.x, -self.y)
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
    def __repr__(self):
        return "V(%r, %r)" % (self.x, self.y)
a, b = V(1, 2), V(10, 20)
print(a + b, b - a, a * 3, 3 * a, b / 4, b // 3, b % 3, -a)
c = a
c += b
print(c, a, c is a)
print(a + b == V(11, 22))
try:
    a + 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    a @ b
except TypeError as e:
    print("TypeError:", e)
