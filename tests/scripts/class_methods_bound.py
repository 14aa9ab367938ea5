class Greeter:
    def __init__(self, name):
        self.name = name
    def greet(self, other):
        return self.name + " greets " + other
g = Greeter("Ann")
m = g.greet
print(m("Bob"))
print(Greeter.greet(g, "Cy"))
print(list(map(g.greet, ["x", "y"])))
h = Greeter("Hal")
methods = [g.greet, h.greet]
print([f("Z") for f in methods])
print(callable(m), m == g.greet, m != Greeter("Ann").greet)
def external(self):
    return "external " + self.name
Greeter.ext = external
print(g.ext())
g.attr_fn = lambda: "instance fn, no self"
print(g.attr_fn())
