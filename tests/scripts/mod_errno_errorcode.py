import errno
print(type(errno.errorcode))
for code in (errno.EPERM, errno.ENOENT, errno.EINTR, errno.EBADF, errno.EINVAL, errno.EAGAIN):
    print(errno.errorcode[code], getattr(errno, errno.errorcode[code]) == code)
print(errno.errorcode.get(-12345, "unknown"))
print(4 in errno.errorcode, "EINTR" in errno.errorcode.values())
count = 0
for code, name in errno.errorcode.items():
    if getattr(errno, name) == code:
        count += 1
print(count == len(errno.errorcode), len(errno.errorcode) > 30)
