# Module-level loops run LOAD_GLOBAL + LOAD_CONST + BINARY_OP and the
# loop's bottom test (COMPARE_OP + POP_JUMP_IF_TRUE) as superinstructions;
# every operand type that leaves the int fast path, and every error, must
# behave as the plain instructions do, with the same line numbers.

x = 0
while x < 5:
    x = x + 2
print("int", x)

x = 0.5
while x < 5:
    x = x + 2
print("float", x)

s = "a"
while s < "aaaa":
    s = s + "a"
print("str", s)

lst = []
while len(lst) < 3:
    lst = lst + [len(lst)]
print("list", lst)


class Big:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return Big(self.v + other * 10)

    def __lt__(self, other):
        return self.v < other


b = Big(1)
while b < 100:
    b = b + 3
print("class", b.v)

n = 10
while n > 0:
    n -= 3
print("down", n)

try:
    y = undefined_name + 1
except NameError as e:
    print("NameError", e)

try:
    z = "text" + 1
except TypeError as e:
    print("TypeError", e)

w = 1
try:
    while w < 10:
        w = w * 3
        if w > 5:
            w = None
except TypeError as e:
    print("loop TypeError", e)

v = 2
r = v - 5
print("sub", r, v ** 2, v // 2, v % 2)
q = 0
q = q + 1
q = q + 1
print("q", q)
print(1 / 0 if False else "done")
k = "no"
k = k + undefined_too
