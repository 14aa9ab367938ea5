# Slicing and slice-assigning lists that are empty (whose item array may
# not exist at all): found by fuzzing as undefined behaviour (pointer
# arithmetic on NULL) under clang's UBSan.
x = []
print(x[:6], x[0:0], x[::2], x[::-1], x[5:1])
x[0:0] = []
x[:] = ()
del x[:]
print(x, len(x))
y = [1]
y.pop()
print(y[:3], y[1:], y[::3])
y[0:0] = []
y[0:0] = [7]
print(y)
top = sorted({}.items())
print(top[:6], list(reversed(top))[:1])
