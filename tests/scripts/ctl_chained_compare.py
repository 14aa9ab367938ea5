x = 5
print(1 < x < 10, 1 < x > 10, 1 < 2 < 3 < 4, 3 > 2 > 2)
print(1 == 1 == 1.0, 1 == 1 != 2, 0 <= x <= 5 <= 5)
def v(n):
    print("v", n)
    return n
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print("a" < "b" < "c", [1] < [2] <= [2])
print(x in [5] in [[5]], None is None is not False)
print(1 < 2 == 2 > 1, (1 < 2) == True)
