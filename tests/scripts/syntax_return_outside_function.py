print("must not run")
def f():
    return 1
return 2
