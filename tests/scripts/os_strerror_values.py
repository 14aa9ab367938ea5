# os.strerror gives libc's text for an errno value.
import errno
import os

for name in ('EPERM', 'ENOENT', 'ESRCH', 'EINTR', 'EBADF', 'ECHILD', 'EAGAIN',
             'EINVAL', 'EPIPE', 'ETIMEDOUT'):
    code = getattr(errno, name)
    print(name, code, os.strerror(code))
print(os.strerror(0))
print(os.strerror(99999))
try:
    os.strerror('x')
except TypeError as e:
    print('TypeError', e)
print(errno.errorcode[errno.EINTR], errno.errorcode[4])
