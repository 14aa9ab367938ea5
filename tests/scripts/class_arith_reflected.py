class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        return Money(self.cents + other)
    def __radd__(self, other):
        print("  __radd__ with", other)
        return Money(self.cents + other)
    def __iadd__(self, other):
        print("  __iadd__")
        self.cents += other.cents
        return self
    def __pow__(self, n):
        return Money(self.cents ** n)
    def __eq__(self, other):
        return self.cents == other.cents
    def __lt__(self, other):
        return self.cents < other.cents
    def __repr__(self):
        return "Money(%d)" % self.cents
a = Money(150)
print(a + Money(50), a + 5, 5 + a)
print(sum([Money(1), Money(2), Money(3)]))
b = a
b += Money(1)
print(a, b is a)
print(Money(3) ** 2, Money(1) < Money(2), Money(2) > Money(1), max(Money(4), Money(9)))
