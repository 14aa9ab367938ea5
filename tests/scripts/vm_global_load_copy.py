# A LOAD_GLOBAL site keeps a copy of the value it read while the module's
# globals do not change; any change to them (rebinding that name or
# another, deleting, adding, through `global` or globals()) must be
# seen by the very next load.


def one():
    return 1


def two():
    return 2


def call_f():
    return f()


f = one
print(call_f(), call_f())
f = two
print(call_f())
globals()["f"] = one
print(call_f())


def rebind():
    global f
    f = two
    return 0


def rebinds_between():
    a = f()
    rebind()
    b = f()
    return a, b


f = one
print(rebinds_between())

# Another name changing must not break the copy's validity test.
other = 0
f = one
for i in range(3):
    other += 1
    print(call_f(), other)

del f
try:
    call_f()
except NameError as e:
    print("NameError", e)
globals().update({"f": two})
print(call_f())


# A global that shadows a builtin, then goes away.
def use_len():
    return len("abc")


print(use_len())
len = lambda s: -1
print(use_len())
del len
print(use_len())


# Recursion through a global whose binding changes mid-way.
def countdown(n):
    if n == 0:
        return "done"
    if n == 2:
        global countdown_target
        countdown_target = lambda k: "switched at %d" % k
    return countdown_target(n - 1)


countdown_target = countdown
print(countdown(4))
for k in range(50):
    globals()["filler_%d" % k] = k
print(call_f(), filler_49)
