# Signals members are ints in every arithmetic and container context.
import signal

s = signal.SIGUSR1
print(s + 1, type(s + 1).__name__, s * 2, s - signal.SIGHUP, -s, s // 3, s % 4)
print(s < 11, s > signal.SIGINT, max(signal.SIGINT, signal.SIGTERM) is signal.SIGTERM)
print(hash(s) == hash(10), {10: 'ten'}[s], s in {10}, s in [10], 10 in {s})
print(sorted([signal.SIGTERM, signal.SIGHUP, 5]))
print(bin(s), hex(s), bool(s), range(s)[-1])
print([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11][s])
print(str(s) == '10', repr(s) == '10')
