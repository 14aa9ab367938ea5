def two(a, b):
    return a + b
def kw(*, k):
    return k
num = 5
text = "str"
cases = [
    lambda: two(1),
    lambda: two(1, 2, 3),
    lambda: two(1, c=3),
    lambda: two(1, a=1),
    lambda: kw(1),
    lambda: kw(),
    lambda: two(),
    lambda: len(),
    lambda: len([], []),
    lambda: num(),
    lambda: text(),
]
for c in cases:
    try:
        c()
    except TypeError as e:
        print("TypeError:", e)
