# strings: build a list of 300k strings (str(int), concatenation, slicing),
# join it, split it back, parse every field, and do it 5 times.
# Checksum: lengths, field count and the sum of the parsed numbers.


def main():
    n = 300000
    total = 0
    length = 0
    fields = 0
    for rnd in range(5):
        parts = []
        for i in range(n):
            parts.append("item" + str((i * 7 + rnd) % 100003))
        s = ",".join(parts)
        length += len(s)
        items = s.split(",")
        fields += len(items)
        for f in items:
            total += int(f[4:])
        s2 = "-".join(items[::3])
        length += len(s2)
    print("strings", length, fields, total)


main()
