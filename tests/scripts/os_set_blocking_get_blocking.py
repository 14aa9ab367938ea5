# Pipes start blocking; set_blocking toggles O_NONBLOCK on that end only.
import os

r, w = os.pipe()
print(os.get_blocking(r), os.get_blocking(w))
print(os.set_blocking(r, False))
print(os.get_blocking(r), os.get_blocking(w))
os.set_blocking(r, 0)
print(os.get_blocking(r))
os.set_blocking(r, True)
print(os.get_blocking(r))
os.close(r)
for f, args in ((os.get_blocking, (r,)), (os.set_blocking, (r, False))):
    try:
        f(*args)
    except OSError as e:
        print(type(e).__name__, e.errno)
os.close(w)
