# Module attributes read (and called) from the same sites while the
# module's namespace changes: new values, deletions, re-insertions that
# move a name, and other modules and objects at the same site.
import errno
import os
import time


def read(mod):
    return mod.value


def call(mod):
    return mod.fn(2)


errno.value = 1
errno.fn = lambda x: x * 10
print(read(errno), call(errno), read(errno))
errno.value = 2
print(read(errno), call(errno))
del errno.value
try:
    read(errno)
except AttributeError as e:
    print("AttributeError:", e)
errno.value = 3
errno.fn = lambda x: x * 100
print(read(errno), call(errno))
del errno.fn
try:
    call(errno)
except AttributeError as e:
    print("AttributeError:", e)
errno.fn = abs
print(call(errno))

# The same sites on another module, then on an instance.
os.value = "os"
os.fn = lambda x: -x
print(read(os), call(os), read(errno), call(errno))


class Obj:
    value = "class value"

    def fn(self, x):
        return ("method", x)


o = Obj()
for m in (errno, o, os, o):
    print(read(m), call(m))
o.value = "own"
o.fn = lambda x: ("own fn", x)
print(read(o), call(o), read(os), call(os))

# Builtin functions of modules, many times.
total = 0
for i in range(1000):
    total += errno.EINTR + len(os.sep)
print(total, time.monotonic() > 0, os.getpid() == os.getpid())
