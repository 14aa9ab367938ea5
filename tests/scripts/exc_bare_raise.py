def handler():
    try:
        raise ValueError("original")
    except ValueError:
        print("logging and re-raising")
        raise
try:
    handler()
except ValueError as e:
    print("re-raised:", e)
def reraise_after_other():
    try:
        raise KeyError("first")
    except KeyError:
        try:
            raise TypeError("second")
        except TypeError:
            pass
        raise
try:
    reraise_after_other()
except KeyError as e:
    print("still the first:", repr(e))
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
def raise_class():
    raise IndexError
try:
    raise_class()
except IndexError as e:
    print("raised a class:", repr(e), e.args)
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
