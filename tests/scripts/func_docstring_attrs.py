def documented(x):
    """Return x doubled."""
    return x * 2
print(documented(4))
print(documented.__name__)
print(documented.__doc__)
def undocumented():
    pass
print(undocumented.__doc__)
def outer():
    def inner():
        pass
    return inner
print(outer().__name__)
f = lambda: 0
print(f.__name__)
