# poll object errors: negative fd, unknown fd for unregister/modify, bad
# timeout and eventmask types.
import os
import select

r, w = os.pipe()
p = select.poll()

def show(f, *args):
    try:
        print('ok', f(*args))
    except KeyError as e:
        print('KeyError', e.args[0] == r)
    except Exception as e:
        print(type(e).__name__, e)

show(p.register, -1)
show(p.register, 'x')
show(p.register, r, 'x')
show(p.register)
show(p.unregister, r)
show(p.modify, r, select.POLLIN)
show(p.poll, 'x')
show(p.poll, 0)
show(p.poll, 1.5)
show(p.register, r)
show(p.poll, 0)
