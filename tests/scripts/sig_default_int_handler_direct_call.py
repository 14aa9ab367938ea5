# default_int_handler raises a bare KeyboardInterrupt and wants exactly two
# positional arguments.
import signal

try:
    signal.default_int_handler(signal.SIGINT, None)
except KeyboardInterrupt as e:
    print('KeyboardInterrupt', repr(str(e)), e.args, type(e).__name__)
for args in ((), (2,), (2, None, 3)):
    try:
        signal.default_int_handler(*args)
    except TypeError as e:
        print('TypeError', e)
print(isinstance(KeyboardInterrupt(), Exception))
print(callable(signal.default_int_handler))
