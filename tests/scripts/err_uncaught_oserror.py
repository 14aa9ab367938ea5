import errno
def open_device():
    raise OSError(errno.EINTR, "Interrupted system call")
open_device()
