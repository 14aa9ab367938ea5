# raise_signal() runs the handler before returning, with the caller's frame;
# it returns None.
import signal

def handler(signum, frame):
    print('handler', signum, frame.f_code.co_name, frame.f_lineno)

signal.signal(signal.SIGUSR2, handler)

def outer():
    r = signal.raise_signal(signal.SIGUSR2)
    print('returned', r)

print('calling')
outer()
print(signal.raise_signal(0))
print('done')
