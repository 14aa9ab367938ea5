# valid_signals(): a set of the 62 usable Linux signals (1..64 without the
# glibc-reserved 32 and 33), Signals members where a name exists.
import signal

v = signal.valid_signals()
print(type(v).__name__, len(v), len(v) < signal.NSIG)
print(signal.SIGINT in v, signal.SIGALRM in v, signal.SIGKILL in v)
print(0 in v, 32 in v, 33 in v, signal.NSIG in v)
print(min(v), max(v))
print([repr(s) for s in sorted(v)])
print(sorted(s for s in v if not isinstance(s, signal.Signals)))
try:
    signal.valid_signals(1)
except TypeError as e:
    print('TypeError', e)
