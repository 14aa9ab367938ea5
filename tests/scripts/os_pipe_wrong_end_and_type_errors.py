# Using the wrong end of a pipe is EBADF; os.write wants bytes.
import os

r, w = os.pipe()
for f, args in ((os.read, (w, 1)), (os.write, (r, b'x')), (os.write, (w, 'text')),
                (os.read, ('x', 1)), (os.read, (r,)), (os.read, (r, -1))):
    try:
        f(*args)
        print('ok')
    except Exception as e:
        print(type(e).__name__, e)
os.close(r)
os.close(w)
