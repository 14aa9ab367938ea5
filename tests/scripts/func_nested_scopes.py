x = "global"
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    return middle()
print(outer())
def shadow():
    x = "local"
    return x
print(shadow(), x)
def reads_global():
    return x.upper()
print(reads_global())
def builtins_shadow():
    len = lambda s: 42
    return len("abc")
print(builtins_shadow(), len("abc"))
def param_shadow(print=None):
    return print
print(param_shadow("param"))
