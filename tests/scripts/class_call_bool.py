class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, y=0):
        return x + self.n + y
add5 = Adder(5)
print(add5(1), add5(1, y=10), callable(add5), callable(Adder), list(map(add5, [1, 2])))
class Flag:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        return self.on
print(bool(Flag(True)), bool(Flag(False)), "yes" if Flag(False) else "no")
print(not Flag(True), Flag(False) or "fallback")
class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(bool(Sized(0)), bool(Sized(3)), len(Sized(3)))
class Plain:
    pass
print(bool(Plain()))
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
