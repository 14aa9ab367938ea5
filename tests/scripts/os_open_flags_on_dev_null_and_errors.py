# os.open with O_* flags: /dev/null accepts writes and reads as empty;
# errors name the path and carry errno.
import errno
import os

fd = os.open('/dev/null', os.O_WRONLY | os.O_APPEND)
print(type(fd).__name__, os.write(fd, b'discarded'))
os.close(fd)
fd = os.open('/dev/null', os.O_RDWR | os.O_TRUNC | os.O_CLOEXEC)
print(os.write(fd, b'abc'), os.read(fd, 10))
os.close(fd)
fd = os.open('/dev/null', os.O_RDONLY | os.O_NONBLOCK)
print(os.get_blocking(fd), os.read(fd, 10))
os.close(fd)
cases = [('/nonexistent-sigvm-dir/file', os.O_RDONLY),
         ('/dev/null', os.O_RDONLY | os.O_DIRECTORY),
         ('/dev/null', os.O_WRONLY | os.O_CREAT | os.O_EXCL),
         ('/proc/self', os.O_WRONLY),
         ('', os.O_RDONLY)]
for path, flags in cases:
    try:
        os.open(path, flags)
    except OSError as e:
        print(type(e).__name__, e.errno, errno.errorcode[e.errno], e.strerror,
              repr(e.filename))
        print(' ', e)
print(os.O_RDONLY, os.O_WRONLY, os.O_RDWR)
