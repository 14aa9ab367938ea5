# Calls of plain functions that own cells or use free variables take the
# VM's short call path; captured parameters, captured locals, closures over
# closures, recursion through a closure and defaults must behave as ever.


def adder(n):
    return lambda v: v + n


def counter(step):
    count = 0

    def inc(by):
        nonlocal count
        count += step + by
        return count

    return inc


def later():
    fns = []
    x = 1
    fns.append(lambda: x)
    x = 2
    fns.append(lambda: x)
    return [f() for f in fns]


def unbound_cell():
    def get():
        return value

    try:
        get()
    except NameError as e:
        print("error", e)
    value = 7
    return get()


def fact_maker():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)

    return fact


def with_default(a, b=5):
    def g():
        return a + b

    return g()


def param_shadowed(a):
    def g():
        return a

    a = a * 2
    return g()


add3 = adder(3)
print([add3(i) for i in range(4)])
c = counter(2)
print(c(0), c(1), c(10))
print(later())
print(unbound_cell())
print(fact_maker()(10))
print(with_default(1), with_default(1, 2))
print(param_shadowed(21))
try:
    adder()
except TypeError as e:
    print("TypeError", e)
try:
    add3(1, 2)
except TypeError as e:
    print("TypeError", e)
