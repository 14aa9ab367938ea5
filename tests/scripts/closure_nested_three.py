def level1(a):
    def level2(b):
        def level3(c):
            return a + b + c
        return level3
    return level2
print(level1(1)(2)(3), level1("x")("y")("z"))
def make_multipliers():
    result = {}
    for n in (2, 3):
        def mul(x, n=n):
            return x * n
        result[n] = mul
    return result
m = make_multipliers()
print(m[2](5), m[3](5))
def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper
@memo
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)
print(slow_fib(90))
