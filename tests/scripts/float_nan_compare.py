nan = float("nan")
values = [3.0, 1.0, 2.0]
print(sorted(values), max(values), min(values))
print(nan == nan, nan != nan, [nan] == [nan], nan in [nan])
x = nan
print(x == x, x is x)
print(1.0 < 2, 2.0 <= 2, 3.0 > 2.5, -1.5 >= -1.5)
print(0.1 + 0.2 > 0.3, 1e-320 > 0, -1e-320 < 0)
print(max(1.5, 2), min(-0.0, 0.0), min(0.0, -0.0))
print(1.0 == 1, 1.0 != 1, 2.0 in [1, 2, 3], [1.0, 2.0].index(2))
