# Alias names resolve to the canonical member.
import signal

for alias in ('SIGIOT', 'SIGCLD', 'SIGPOLL'):
    m = getattr(signal, alias)
    print(alias, repr(m), m.name)
print(signal.SIGIOT is signal.SIGABRT, signal.SIGCLD is signal.SIGCHLD,
      signal.SIGPOLL is signal.SIGIO)
print(repr(signal.Signals(6)), repr(signal.Signals(17)), repr(signal.Signals(29)))
