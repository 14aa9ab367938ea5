import errno
codes = [errno.EINTR, errno.EAGAIN, errno.ECHILD, errno.ENOENT, errno.EACCES,
         errno.EPERM, errno.ESRCH, errno.ETIMEDOUT, errno.EEXIST, errno.EPIPE,
         errno.EISDIR, errno.ENOTDIR, errno.ECONNREFUSED, errno.EINVAL]
for code in codes:
    e = OSError(code, "msg")
    print(errno.errorcode[code], type(e), isinstance(e, OSError), e.errno == code,
          str(e) == "[Errno %d] msg" % code)
print(issubclass(BlockingIOError, OSError), issubclass(PermissionError, OSError))
try:
    raise FileNotFoundError(errno.ENOENT, "No such file or directory")
except OSError as e:
    print(type(e), e.errno, e.strerror)
try:
    raise InterruptedError(errno.EINTR, "Interrupted system call")
except InterruptedError as e:
    print("InterruptedError:", e)
print(TimeoutError("t"), ProcessLookupError(3, "No such process"))
print(repr(ChildProcessError()), FileNotFoundError("x").errno)
