import sys
print(sys.exc_info())
try:
    raise ValueError("info")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t, repr(v), tb is not None)
print(sys.exc_info())
def inner():
    return sys.exc_info()[0]
try:
    raise KeyError("k")
except KeyError:
    print(inner())
    try:
        raise TypeError("nested")
    except TypeError:
        print(sys.exc_info()[0])
    print(sys.exc_info()[0])
