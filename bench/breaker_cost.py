# breaker_cost: a tight arithmetic loop in a function (local loads/stores,
# int multiply/add/and/shift/xor, compare, backward jump) with no calls and no
# allocation: the loop where checking the eval breaker between every two
# instructions costs the most. The runner times it under the normal sigvm and
# under a build configured with --disable-breaker-check.
# Checksum: the LCG state and an accumulator.


def main():
    x = 1
    acc = 0
    i = 0
    while i < 4000000:
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        acc = (acc + (x >> 7)) ^ (i & 255)
        i += 1
    print("breaker_cost", x, acc)


main()
