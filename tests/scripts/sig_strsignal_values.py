# strsignal(): libc's description, None for numbers libc does not know, and
# a range check first.
import signal

for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGKILL,
            signal.SIGUSR1, signal.SIGSEGV, signal.SIGALRM, signal.SIGCHLD,
            32, 33, 34, 40, 64):
    print(int(sig), repr(signal.strsignal(sig)))
for bad in (0, -1, 65, 4242):
    try:
        signal.strsignal(bad)
    except ValueError as e:
        print(bad, 'ValueError', e)
for bad in ('2', 2.0):
    try:
        signal.strsignal(bad)
    except TypeError as e:
        print(repr(bad), 'TypeError', e)
try:
    signal.strsignal()
except TypeError as e:
    print('TypeError', e)
