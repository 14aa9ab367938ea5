def f(*args):
    return args
print(f(), f(1), f(1, "a", None))
def g(first, *rest):
    print("first", first, "rest", rest)
g(1)
g(1, 2, 3)
def total(*nums, start=0):
    s = start
    for n in nums:
        s += n
    return s
print(total(1, 2, 3), total(1, 2, start=10), total())
args = [4, 5, 6]
print(f(*args), f(*args, 7), f(0, *args), f(*"ab", *(1, 2)))
print(max(*[3, 9, 2]))
