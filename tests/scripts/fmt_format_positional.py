print("{} {} {}".format(1, "two", 3.0))
print("{0} {1} {0}".format("a", "b"))
print("{2}{1}{0}".format("x", "y", "z"))
print("{}".format([1, 2]), "{}".format(None), "{}".format((1,)))
print("{0!r} {0!s}".format("s"))
print("{:5}|{:<5}|{:>5}|{:^5}|".format(1, 2, 3, 4))
print("{:5}|{:<5}|{:>5}|{:^5}|".format("a", "b", "c", "d"))
for fmt, args in [("{} {}", (1,)), ("{0} {}", (1, 2)), ("{5}", (1,))]:
    try:
        print(fmt.format(*args))
    except (IndexError, ValueError) as e:
        print(repr(fmt), "->", type(e), e)
