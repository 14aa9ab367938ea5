a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(sorted(a | b), a <= b, {3, 4} <= a, {3, 4} < a, a < a, a <= a)
print(a >= {1}, a > a, a == {4, 3, 2, 1}, a != b)
c = set(a)
c |= {7}
c &= {1, 2, 7}
print(c)
c -= {1}
c ^= {2, 3}
print(c)
print(set(), len(set()), {0}, type({1}))
print({1, 1, 2, 2.0, True}, len({1, 1.0, True}))
