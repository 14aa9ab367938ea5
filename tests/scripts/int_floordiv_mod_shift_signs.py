# // and % floor toward negative infinity, >> and << on ints of every
# sign, including the VM's fast paths' edge cases.
vals = [0, 1, -1, 2, -2, 3, -3, 7, -7, 100, -100, 9223372036854775807,
        -9223372036854775807 - 1]
for x in vals:
    row = []
    for y in vals:
        if x == -9223372036854775807 - 1 and y == -1:
            continue
        try:
            row.append("%d,%d" % (x // y, x % y))
        except ZeroDivisionError as e:
            row.append(str(e))
    print(x, " ".join(row))
for x in vals[:11]:
    print(x, [x >> y for y in (0, 1, 5, 62, 63, 64, 100)])
    print(x, [x << y for y in (0, 1, 5, 40)])
for x in (1, -1, 3):
    try:
        print(x >> -1)
    except ValueError as e:
        print("ValueError:", e)
print(7.0 / 2.0, -1.0 / 3.0, 1.5 / 0.5)
try:
    print(1.0 / 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
i = 17
i //= 5
print(i)
i %= 2
print(i)
i <<= 3
print(i)
i >>= 1
print(i)
