class A:
    pass
class B(A):
    pass
class C(B):
    pass
a, b, c = A(), B(), C()
print(isinstance(c, A), isinstance(a, C), isinstance(b, (C, A)), isinstance(b, ()))
print(issubclass(C, A), issubclass(A, C), issubclass(B, (int, A)))
print(isinstance(1, int), isinstance(True, int), isinstance(1, float), isinstance(1.0, (int, float)))
print(isinstance("s", str), isinstance([], list), isinstance((), tuple), isinstance({}, dict))
print(isinstance(None, object), isinstance(A, object), issubclass(bool, int))
print(type(c) is C, type(c) is A, type(c) == C, type(type(c)))
print(isinstance(ValueError(), Exception), issubclass(KeyError, LookupError))
try:
    isinstance(1, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(a, A)
except TypeError as e:
    print("TypeError:", e)
