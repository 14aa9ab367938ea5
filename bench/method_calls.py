# method_calls: 2M calls of a method that creates a new object (attribute
# loads and stores, __init__, object allocation) plus 2M calls of a method
# that only reads attributes.
# Checksum: the final point and a running sum.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, dx, dy):
        return Point((self.x + dx) % 1000003, (self.y + dy) % 1000033)

    def norm1(self):
        return self.x + self.y


def main():
    p = Point(0, 0)
    total = 0
    for i in range(2000000):
        p = p.moved(i, 3)
        total += p.norm1()
    print("method_calls", p.x, p.y, total)


main()
