x = 10
def bad():
    print(x)
    x = 5
try:
    bad()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def bad_aug():
    x += 1
try:
    bad_aug()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def cond(flag):
    if flag:
        y = 1
    return y
print(cond(True))
try:
    cond(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
print(isinstance(UnboundLocalError("m"), NameError))
def closure_unbound():
    def inner():
        return z
    try:
        inner()
    except NameError as e:
        print("NameError:", e)
    z = 1
    return inner()
print(closure_unbound())
