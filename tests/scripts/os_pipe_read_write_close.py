# pipe(), write() returns the byte count, read() returns at most n bytes,
# EOF is b'' once every write end is closed; closed fds give EBADF.
import os

r, w = os.pipe()
print(type(r).__name__, r != w)
print(os.write(w, b'hello world'))
print(os.read(r, 5))
print(os.read(r, 100))
print(os.write(w, b''))
print(os.write(w, bytes(range(5))))
print(list(os.read(r, 5)))
print(os.read(r, 0))
os.close(w)
print(os.read(r, 10))
os.close(r)
for f, args in ((os.read, (r, 1)), (os.write, (w, b'x')), (os.close, (r,))):
    try:
        f(*args)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror)
