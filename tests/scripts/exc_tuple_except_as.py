def fail(n):
    if n == 0:
        raise ValueError("v")
    if n == 1:
        raise TypeError("t")
    raise KeyError("k")
for n in range(3):
    try:
        fail(n)
    except (ValueError, TypeError) as e:
        print("caught by tuple:", type(e), e)
    except KeyError as e:
        print("caught separately:", repr(e))
errors = (ZeroDivisionError, OverflowError)
try:
    1 // 0
except errors as err:
    print("tuple in a variable:", err)
try:
    raise ValueError("gone")
except ValueError as e:
    pass
try:
    print(e)
except NameError as ne:
    print("NameError:", ne)
