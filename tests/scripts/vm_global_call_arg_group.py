# `g(x - 1)` (a global, then a local with a constant operator) runs as one
# superinstruction; each fallback must act as the plain instructions.


def twice(v):
    return v * 2


def calls(x):
    return twice(x + 1), twice(x - 1), twice(x * 3)


print(calls(5))
print(calls(2.5))
print(calls("ab") if False else twice("ab"))


def strings(s):
    return twice(s + "!")


print(strings("hey"))


def unbound():
    print(twice(later + 1))
    later = 1


try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError", e)


def missing(x):
    return no_such_function(x + 1)


try:
    missing(1)
except NameError as e:
    print("NameError", e)


def bad_operand(x):
    return twice(x + 1)


try:
    bad_operand(None)
except TypeError as e:
    print("TypeError", e)

twice = len
print(strings("abc"))
