# list.extend, list(), set.update, set.difference_update and
# signal.pthread_sigmask all walk an arbitrary iterable the same way: every
# item in order, and the first error (from the iterator or from the item)
# ends the walk with what was done so far kept.
import signal


def gen(items, fail_after):
    for i, x in enumerate(items):
        if i == fail_after:
            raise KeyError("gen stopped")
        yield x


class BadHash:
    def __hash__(self):
        raise TypeError("no hash for you")


l = [0]
try:
    l.extend(gen([1, 2, 3, 4], 2))
except KeyError as e:
    print("extend:", repr(e), l)
print(list(gen("abc", 99)))

s = {0}
try:
    s.update(gen([1, 2, 3], 2))
except KeyError as e:
    print("update:", repr(e), sorted(s))
try:
    s.update([5, BadHash(), 6])
except TypeError as e:
    print("update:", e, sorted(s))

s = {1, 2, 3, 4}
try:
    s.difference_update(gen([1, 2, 3], 2))
except KeyError as e:
    print("difference_update:", repr(e), sorted(s))
s.difference_update(x for x in [3, 9])
print("difference_update:", sorted(s))

try:
    signal.pthread_sigmask(signal.SIG_BLOCK, gen([signal.SIGUSR1, signal.SIGUSR2], 1))
except KeyError as e:
    print("pthread_sigmask:", repr(e))
print(signal.SIGUSR1 in signal.pthread_sigmask(signal.SIG_BLOCK, []))
try:
    signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR2, 0])
except ValueError as e:
    print("pthread_sigmask:", e)
print(signal.SIGUSR2 in signal.pthread_sigmask(signal.SIG_BLOCK, []))
