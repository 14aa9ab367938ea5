# Every int comparison operator through each way the VM runs it: a local
# against a constant in an `if` (fused compare-and-jump), two locals in an
# `if`, a `while` condition (compare and jump back), and a plain value.
# Values include the 64-bit extremes, where a subtraction would overflow.

VALUES = [-9223372036854775808, -5, -1, 0, 1, 2, 7, 9223372036854775807]


def against_const(x):
    r = []
    if x < 1:
        r.append("lt")
    if x <= 1:
        r.append("le")
    if x == 1:
        r.append("eq")
    if x != 1:
        r.append("ne")
    if x > 1:
        r.append("gt")
    if x >= 1:
        r.append("ge")
    return " ".join(r)


def two_locals(x, y):
    r = []
    if x < y:
        r.append("lt")
    if x <= y:
        r.append("le")
    if x == y:
        r.append("eq")
    if x != y:
        r.append("ne")
    if x > y:
        r.append("gt")
    if x >= y:
        r.append("ge")
    return " ".join(r)


def as_values(x, y):
    return [x < y, x <= y, x == y, x != y, x > y, x >= y]


def loops(n):
    counts = []
    i = 0
    while i < n:
        i += 1
    counts.append(i)
    i = 0
    while i <= n:
        i += 1
    counts.append(i)
    i = n
    while i > 0:
        i -= 1
    counts.append(i)
    i = n
    while i >= 0:
        i -= 1
    counts.append(i)
    i = 0
    while i != n:
        i += 1
    counts.append(i)
    return counts


for x in VALUES:
    print(x, "|", against_const(x))
for x in VALUES:
    for y in VALUES:
        print(x, y, "|", two_locals(x, y), "|", as_values(x, y))
for n in [0, 1, 5]:
    print(n, loops(n))
