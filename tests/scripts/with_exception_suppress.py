class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.types):
            print("suppressed", exc_type, exc)
            return True
        print("not suppressing", exc_type)
        return False
with Suppress(KeyError):
    {}["missing"]
    print("not reached")
print("continues after suppressed KeyError")
try:
    with Suppress(KeyError):
        raise ValueError("passes through")
except ValueError as e:
    print("caught outside:", e)
with Suppress(ZeroDivisionError, IndexError):
    [][0]
with Suppress():
    pass
class Falsy:
    def __enter__(self):
        return None
    def __exit__(self, *args):
        return 0
try:
    with Falsy() as nothing:
        print("as target is", nothing)
        raise RuntimeError("falsy exit does not suppress")
except RuntimeError as e:
    print("caught:", e)
