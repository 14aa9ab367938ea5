# 3.11 IntEnum: repr names the member, str() and format() give the int.
import signal

s = signal.SIGINT
print(repr(s))
print(str(s), '%s' % s, '%d' % s, '{}'.format(s), f'{s}', f'{s!r}', f'{s:d}',
      format(s, 'd'), f'{s:>4}|', f'{s:x}')
print(s.name, s.value, repr(s.value), type(s.value).__name__)
print(int(s), type(int(s)).__name__)
print(s == 2, 2 == s, s != 2, isinstance(s, int))
print(repr(signal.SIG_DFL), str(signal.SIG_DFL), signal.SIG_DFL.name)
print(repr(signal.SIG_IGN), str(signal.SIG_IGN), signal.SIG_IGN.value)
print(repr(signal.SIG_SETMASK), str(signal.SIG_SETMASK), signal.SIG_SETMASK.name)
print(type(s).__name__, type(signal.SIG_DFL).__name__, type(signal.SIG_BLOCK).__name__)
print(signal.SIGINT is signal.Signals.SIGINT)
print([repr(x) for x in [signal.SIGHUP, signal.SIGTERM, signal.SIGRTMAX]])
