# dict_str: insert 1M string keys into a dict, then look every key up
# and probe 1M keys that are absent (str concatenation, str(int), hashing,
# dict insert/lookup/miss).
# Checksum: len(d), the sum of the values found, and the number of misses.


def main():
    n = 1000000
    d = {}
    for i in range(n):
        d["key" + str(i)] = i
    total = 0
    for i in range(n):
        total += d["key" + str(i)]
    misses = 0
    for i in range(n):
        if ("nokey" + str(i)) not in d:
            misses += 1
    print("dict_str", len(d), total, misses)


main()
