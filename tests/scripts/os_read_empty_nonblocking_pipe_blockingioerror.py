# Reading an empty non-blocking pipe raises BlockingIOError (EAGAIN);
# writing to a full one does too.
import errno
import os

r, w = os.pipe()
os.set_blocking(r, False)
try:
    os.read(r, 10)
except BlockingIOError as e:
    print('BlockingIOError', e.errno == errno.EAGAIN, e.strerror)
    print(e.errno == errno.EWOULDBLOCK, isinstance(e, OSError))
os.write(w, b'ab')
print(os.read(r, 10))
os.set_blocking(w, False)
total = 0
try:
    while True:
        total += os.write(w, b'z' * 1024)
except BlockingIOError as e:
    print('full pipe', e.errno, total > 0)
os.close(w)
chunks = 0
while True:
    data = os.read(r, 65536)
    if not data:
        break
    chunks += len(data)
print(chunks == total)
