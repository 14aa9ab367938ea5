import sys as system
import time as t, errno as e
print(system.argv[0], t.sleep(0), e.EINTR)
import gc
print(type(gc), type(system))
print(repr(system), repr(gc))
import sys
print(sys is system)
def uses_module():
    import errno
    return errno.ENOENT
print(uses_module())
