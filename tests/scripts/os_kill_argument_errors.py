# os.kill with an invalid signal number is EINVAL; non-int arguments are
# TypeErrors; signal 0 to ourselves succeeds.
import os

me = os.getpid()
print(os.kill(me, 0))
for args in ((me, 4242), (me, -1), (me, 65), ('x', 0), (me, 'y'), (me, 1.0)):
    try:
        os.kill(*args)
        print('ok')
    except Exception as e:
        print(type(e).__name__, e)
for args in ((), (me,), (me, 0, 0)):
    try:
        os.kill(*args)
    except TypeError as e:
        print('TypeError', e)
