# Asking for 10**10 items (80 GB of pointers) raises MemoryError instead of
# crashing, and the program carries on.
for what, make in [("list repeat", lambda: [0] * 10**10),
                   ("list of None", lambda: [None] * (10**10)),
                   ("nested repeat", lambda: [[1, 2]] * (5 * 10**9)),
                   ("tuple repeat", lambda: (0,) * 10**10),
                   ("str repeat", lambda: "ab" * (5 * 10**11)),
                   ("bytes repeat", lambda: b"x" * 10**12)]:
    try:
        make()
        print(what, "not reached")
    except MemoryError as e:
        print(what, type(e).__name__, repr(str(e)))

small = [0] * 10
print(len(small), sum(small))
x = [0] * 10**10
