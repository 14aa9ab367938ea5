import errno
e = OSError(errno.EINTR, "Interrupted system call")
print(e)
print(e.errno, e.strerror, e.args)
print(repr(e))
e2 = OSError("just a message")
print(e2, e2.errno, e2.strerror)
e3 = OSError(2, "No such file or directory", "missing.txt")
print(e3, e3.filename)
try:
    raise OSError(errno.EAGAIN, "Resource temporarily unavailable")
except OSError as err:
    print("caught:", err.strerror, type(err), err.errno == errno.EAGAIN)
print(str(OSError()), repr(OSError()))
