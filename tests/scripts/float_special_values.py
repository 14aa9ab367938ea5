inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, float("-inf"), float("Infinity"), float("-NaN"))
print(repr(inf), str(nan), [inf, nan])
print(-0.0, 0.0 * -1, repr(-0.0), str(-0.0))
print(-0.0 == 0.0, inf > 1e308, -inf < -1e308)
print(inf + 1, inf - inf, inf * 0, inf / inf)
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
print(nan == nan, nan != nan, nan < 1, nan > 1, nan is nan)
print(inf == inf, inf == float("inf"))
print(int(2.0 ** 62), float(1 << 53))
for bad in (inf, nan):
    try:
        int(bad)
    except (OverflowError, ValueError) as e:
        print(type(e), e)
