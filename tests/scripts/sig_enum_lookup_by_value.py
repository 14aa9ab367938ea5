# Calling an enum with a value returns the member or raises ValueError.
import signal

print(repr(signal.Signals(2)), repr(signal.Signals(signal.SIGTERM)))
print(repr(signal.Signals(34)), repr(signal.Signals(64)))
print(repr(signal.Handlers(0)), repr(signal.Handlers(1)))
print(repr(signal.Sigmasks(0)), repr(signal.Sigmasks(1)), repr(signal.Sigmasks(2)))
for enum, value in ((signal.Signals, 32), (signal.Signals, 35),
                    (signal.Signals, 0), (signal.Signals, 999),
                    (signal.Handlers, 2), (signal.Sigmasks, 3)):
    try:
        enum(value)
    except ValueError as e:
        print('ValueError', e)
