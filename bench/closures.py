# closures: create closures in a loop and call them (cell variables,
# nonlocal updates, lambdas capturing loop values, higher-order calls).
# Checksum: a running total.


def make_counter(step):
    count = 0

    def inc(by):
        nonlocal count
        count += step + by
        return count

    return inc


def make_adder(n):
    return lambda v: v + n


def compose(f, g):
    def h(v):
        return f(g(v))

    return h


def main():
    total = 0
    for i in range(800000):
        c = make_counter(i % 7 + 1)
        c(0)
        c(1)
        add = make_adder(i & 1023)
        both = compose(add, c)
        a = both(2)
        b = add(c(3))
        total = (total + a + b) & 0xFFFFFFFFFF
    print("closures", total)


main()
