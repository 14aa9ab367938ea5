# A pipe becomes readable once data is written, stays readable until it is
# drained, and is readable at EOF once the write end is closed.
import os
import select

r, w = os.pipe()
os.write(w, b'abc')
print(select.select([r], [], [], 0) == ([r], [], []))
print(select.select([r], [], []) == ([r], [], []))
os.read(r, 2)
print(select.select([r], [], [], 0) == ([r], [], []))
os.read(r, 1)
print(select.select([r], [], [], 0) == ([], [], []))
os.close(w)
print(select.select([r], [], [], 0) == ([r], [], []))
print(os.read(r, 10))
r2, w2 = os.pipe()
os.write(w2, b'x')
rl, wl, xl = select.select([r2, r], [w2], [], 0)
print(rl == [r2, r], wl == [w2])
