class Countdown:
    def __init__(self, start):
        self.n = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)))
for x in Countdown(2):
    print("tick", x)
c = Countdown(2)
print(next(c), next(c), next(c, "done"))
class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __iter__(self):
        return iter(self.items)
b = Bag("a", "b")
print(list(b), list(b), sorted(Bag(3, 1, 2)), sum(Bag(1, 2)))
class GenIter:
    def __iter__(self):
        yield 1
        yield 2
print([x * 2 for x in GenIter()], max(GenIter()))
a, b = Bag(5, 6)
print(a, b)
