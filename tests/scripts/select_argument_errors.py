# select() validation: negative timeout, negative fd, closed fd, non-int
# entries, non-sequence arguments, arity.
import os
import select

r, w = os.pipe()
c1, c2 = os.pipe()
os.close(c1)
os.close(c2)
cases = [([r], [], [], -1), ([-1], [], [], 0), ([c1], [], [], 0),
         (['x'], [], [], 0), (5, [], [], 0), ([r], [], [], 'x'),
         ([r], []), ()]
for args in cases:
    try:
        select.select(*args)
        print('ok')
    except Exception as e:
        print(type(e).__name__, e)
print(select.error is OSError)
