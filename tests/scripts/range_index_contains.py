r = range(3, 30, 4)
print(r[0], r[1], r[-1], len(r), r.index(11), r.count(7))
print(7 in r, 8 in r, 30 in r, 27 in r, -1 in r)
print(r[1:4], r[::-1], r[::2], list(r[1:4]))
try:
    r[100]
except IndexError as e:
    print("IndexError:", e)
try:
    r.index(4)
except ValueError as e:
    print("ValueError:", e)
print(range(0, 3) == range(0, 3), range(0) == range(5, 5), range(3) == [0, 1, 2])
print(list(range(9223372036854775800, 9223372036854775807, 3)))
for bad in (1.5, "3"):
    try:
        range(bad)
    except TypeError as e:
        print("TypeError:", e)
