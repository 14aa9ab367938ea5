# set_wakeup_fd: the fd is positional-only and the flag keyword-only; a bad
# fd is an OSError (only -1 disables); a blocking fd is a ValueError.
import os
import signal

def show(*args, **kwargs):
    try:
        r = signal.set_wakeup_fd(*args, **kwargs)
        print('ok', r)
    except Exception as e:
        print(type(e).__name__, e)

show(signum=2)
show(2, False)
show(-1, foo=1)
show()
show('x')
show(1.5)
show(-5)
r, w = os.pipe()
os.close(r)
show(r)
try:
    signal.set_wakeup_fd(w)
except ValueError as e:
    print('ValueError', str(e).replace(str(w), 'W'))
os.set_blocking(w, False)
print(signal.set_wakeup_fd(w, warn_on_full_buffer=0) == -1)
print(signal.set_wakeup_fd(w, warn_on_full_buffer='') == w)
print(signal.set_wakeup_fd(-1) == w)
show(2 ** 40)
os.close(w)
