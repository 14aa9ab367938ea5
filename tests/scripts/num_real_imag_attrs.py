# int and float's computed attributes (real, imag, numerator, denominator):
# values, the descriptors on the classes, and CPython's errors on assignment.
print((3).real, (3).imag, (3).numerator, (3).denominator, (2.5).real, (2.5).imag, (True).real, (-7).numerator)
print(int.real, float.imag, type(int.real).__name__, int.real.__name__, int.numerator.__get__(5))
for stmt in ("(1).real = 2", "del (1).imag", "(1.5).imag = 0", "int.real.__get__('x')"):
    try:
        exec_ = {"(1).real = 2": lambda: setattr(1, "real", 2), "del (1).imag": lambda: delattr(1, "imag"),
                 "(1.5).imag = 0": lambda: setattr(1.5, "imag", 0), "int.real.__get__('x')": lambda: int.real.__get__("x")}[stmt]
        exec_()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
class X(int):
    pass
print(X(4).real, X(4).denominator, type(X(4).real).__name__, hasattr(1, "real"), getattr(2.0, "imag"))
total = 0
for i in range(1000):
    total += i.real + i.numerator
print(total)
