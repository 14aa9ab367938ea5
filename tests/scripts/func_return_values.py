def none_implicit():
    x = 1
def none_explicit():
    return
def multiple():
    return 1, "two", [3]
def early(n):
    for i in range(n):
        if i == 3:
            return i
    return -1
print(none_implicit(), none_explicit())
print(multiple(), type(multiple()))
a, b, c = multiple()
print(a, b, c)
print(early(10), early(2))
def returns_function():
    def inner():
        return "inner"
    return inner
print(returns_function()())
def first_class(f, *args):
    return f(*args)
print(first_class(max, 3, 8, 1), first_class(len, "four"))
