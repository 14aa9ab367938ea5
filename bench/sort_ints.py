# sort_ints: fill a list with 1M pseudo-random ints from an LCG, sort it,
# check it is ordered and hash a sample of it (list append, sort, indexing).
# Checksum: first/last elements, the order check and a sample hash.


def main():
    n = 1000000
    x = 12345
    a = []
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        a.append(x)
    a.sort()
    ordered = 1
    for i in range(1, n):
        if a[i - 1] > a[i]:
            ordered = 0
    h = 0
    for i in range(0, n, 997):
        h = (h * 31 + a[i]) & 0xFFFFFFFF
    print("sort_ints", a[0], a[n - 1], ordered, h)


main()
