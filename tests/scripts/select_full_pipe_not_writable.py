# A full pipe's write end is not writable; reading frees room again; a
# write end whose reader is gone is reported writable (the write would
# fail at once).
import os
import select

r, w = os.pipe()
os.set_blocking(w, False)
try:
    while True:
        os.write(w, b'y' * 4096)
except BlockingIOError:
    pass
print(select.select([], [w], [], 0) == ([], [], []))
os.read(r, 65536)
print(select.select([], [w], [], 0) == ([], [w], []))
r2, w2 = os.pipe()
os.close(r2)
print(select.select([], [w2], [], 0) == ([], [w2], []))
