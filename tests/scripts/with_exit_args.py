class Inspect:
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc_value, traceback):
        print("type:", exc_type)
        print("value:", repr(exc_value))
        print("traceback is None:", traceback is None)
        return True
with Inspect():
    pass
with Inspect():
    raise KeyError("key")
with Inspect():
    1 / 0
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise TypeError("from __exit__")
try:
    with ExitRaises():
        raise ValueError("original")
except TypeError as e:
    print("exit exception wins:", e, "| context:", repr(e.__context__))
