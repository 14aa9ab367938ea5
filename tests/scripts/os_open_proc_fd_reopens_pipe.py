# Opening /proc/self/fd/N of a pipe end with os.open gives a new descriptor
# for the same pipe: what is written through it is read from the original
# read end.
import os

r, w = os.pipe()
w2 = os.open('/proc/self/fd/%d' % w, os.O_WRONLY)
print(w2 != w)
os.write(w2, b'through the reopened end')
print(os.read(r, 100))
r2 = os.open('/proc/self/fd/%d' % r, os.O_RDONLY | os.O_NONBLOCK)
print(os.get_blocking(r2), os.get_blocking(r))
os.write(w, b'x')
print(os.read(r2, 10))
for fd in (r, w, w2, r2):
    os.close(fd)
