class Counter:
    count = 0
    kind = "counter"
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count
a = Counter()
b = Counter()
print(Counter.count, a.count, b.id, a.id)
a.kind = "instance override"
print(a.kind, b.kind, Counter.kind)
Counter.kind = "changed"
print(a.kind, b.kind)
class Shared:
    items = []
    def add(self, x):
        self.items.append(x)
s1, s2 = Shared(), Shared()
s1.add(1)
s2.add(2)
print(Shared.items, s1.items is s2.items)
class WithMethodRef:
    def method(self):
        return "called"
    alias = method
print(WithMethodRef().alias())
print(hasattr(Counter, "count"), getattr(Counter, "kind"))
