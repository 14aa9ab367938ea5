# getsignal() has no int() conversion: strings and floats are TypeErrors;
# out-of-range numbers are ValueErrors.
import signal

for arg in ('2', 2.0, None, 0, -1, 65, 4242, 2 ** 40, signal.SIGINT, True):
    try:
        r = signal.getsignal(arg)
        print(repr(arg), 'ok', r is signal.default_int_handler)
    except Exception as e:
        print(repr(arg), type(e).__name__, e)
