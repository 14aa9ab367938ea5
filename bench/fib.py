# fib: recursive fib(30), computed 6 times (function calls, int arithmetic,
# comparisons). Checksum: fib(30) and the sum of the six results.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main():
    total = 0
    r = 0
    for _ in range(6):
        r = fib(30)
        total += r
    print("fib", r, total)


main()
