# STORE_GLOBAL assigns in place at the position it cached and LOAD_GLOBAL
# caches builtins while no global of that name exists: a global that is
# deleted and made again, a global that starts shadowing a builtin after
# the builtin's lookup was cached, and stores through globals() must all
# be seen by the cached sites.


def use_len():
    return len("abc")


def bump():
    global counter
    counter = counter + 1
    return counter


counter = 0
for _ in range(3):
    bump()
print("counter", counter)

# Remove the global and make it again: it moves to a new entry.
del counter
counter = 10
for _ in range(3):
    bump()
print("counter again", counter)

# Many new globals force the globals dict to grow while the sites cached.
for i in range(50):
    globals()["filler%d" % i] = i
for _ in range(2):
    bump()
print("after growth", counter, filler49)

# A builtin, then a global of the same name, then the builtin again.
results = []
for step in range(6):
    if step == 2:
        len = lambda s: 99
    if step == 4:
        del len
    results.append(use_len())
print("len", results)

# A store through globals() and through a function with `global`.
globals()["counter"] = -5
print("via globals()", bump())

# Assigning a module-level loop variable in place keeps its value right.
total = 0
i = 0
while i < 1000:
    total += i
    i += 1
print("loop", i, total)


# A method stored on a class replaced while the attribute sites cached.
class K:
    def f(self):
        return "old"


k = K()
seen = []
for step in range(4):
    if step == 2:
        K.f = lambda self: "new"
    seen.append(k.f())
print("method", seen)
