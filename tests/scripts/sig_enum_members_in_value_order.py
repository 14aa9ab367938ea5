# Iterating Signals lists the canonical Linux members in value order
# (aliases are not repeated).
import signal

names = [m.name for m in signal.Signals]
print(len(names))
print(' '.join(names))
print([m.name for m in signal.Handlers], [m.name for m in signal.Sigmasks])
