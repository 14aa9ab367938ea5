# sigvm-only: 64-bit ints overflow where CPython's are unbounded
def double(n):
    return n * 2

x = 1
for i in range(70):
    x = double(x)
    if i % 10 == 0:
        print(i, x)
