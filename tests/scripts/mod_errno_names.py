import errno
print(errno.EPERM, errno.ENOENT, errno.ESRCH, errno.EINTR, errno.EBADF)
print(errno.ECHILD, errno.EACCES, errno.EEXIST, errno.EINVAL, errno.EPIPE)
print(errno.EWOULDBLOCK == errno.EAGAIN, type(errno.ETIMEDOUT))
names = ["EPERM", "ENOENT", "EINTR", "EAGAIN", "ECHILD", "EPIPE", "ETIMEDOUT", "ESRCH"]
for n in names:
    print(n, hasattr(errno, n))
print(hasattr(errno, "ENOTANERROR"))
