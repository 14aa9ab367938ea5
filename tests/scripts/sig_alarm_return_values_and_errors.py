# alarm() returns the seconds left on the previous alarm; negative values
# wrap to unsigned; arguments must be C ints.
import signal

print(signal.alarm(0))
print(signal.alarm(100))
left = signal.alarm(0)
print(type(left).__name__, left in (99, 100))
print(signal.alarm(0))
print(signal.alarm(-1))
print(signal.alarm(0))
for bad in ('x', 1.5, None, 2 ** 32):
    try:
        signal.alarm(bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    signal.alarm()
except TypeError as e:
    print('TypeError', e)
print(signal.alarm(0))
