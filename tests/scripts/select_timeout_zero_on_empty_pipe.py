# select() with a 0 timeout polls: an empty pipe's read end is not ready,
# its write end is; the results are new lists in the argument order.
import os
import select

r, w = os.pipe()
result = select.select([r], [], [], 0)
print(result, type(result).__name__, type(result[0]).__name__)
rl, wl, xl = select.select([r], [w], [r, w], 0)
print(rl == [], wl == [w], xl == [])
print(select.select([], [], [], 0))
print(select.select([r], [], [], 0.0))
print(select.select((r,), (), (), 0))
os.close(r)
os.close(w)
