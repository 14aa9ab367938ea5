cases = [
    ("%d", ("a",)),
    ("%d %d", (1,)),
    ("%d", (1, 2)),
    ("%z", (1,)),
    ("%(k)s", (1,)),
    ("%x", (1.5,)),
]
for fmt, args in cases:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError) as e:
        print(fmt, "->", type(e), e)
try:
    print("%(missing)s" % {"k": 1})
except KeyError as e:
    print("KeyError:", e)
print("%s" % ((1, 2),), "%s %s" % (1, (2, 3)))
