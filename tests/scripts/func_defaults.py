def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
print(greet(greeting="Yo", name="Di"))
def power(base, exp=2):
    return base ** exp
print(power(3), power(2, 10), power(exp=3, base=2))
DEFAULT = 10
def uses_default(x=DEFAULT):
    return x
DEFAULT = 20
print(uses_default())
def none_default(x=None):
    if x is None:
        x = []
    x.append(1)
    return x
print(none_default(), none_default(), none_default([0]))
