# The dispositions CPython installs at startup: SIGINT gets
# default_int_handler, SIGPIPE and SIGXFSZ are ignored, the rest keep the
# default, and the glibc-internal 32/33 are "not installed from Python".
import signal

print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(repr(signal.getsignal(signal.SIGPIPE)))
print(repr(signal.getsignal(signal.SIGXFSZ)))
for sig in (signal.SIGUSR1, signal.SIGUSR2, signal.SIGTERM, signal.SIGALRM,
            signal.SIGCHLD, signal.SIGSEGV, signal.SIGVTALRM, signal.SIGRTMIN,
            signal.SIGRTMAX):
    print(sig.name, repr(signal.getsignal(sig)))
print(signal.getsignal(32), signal.getsignal(33))
print(type(signal.getsignal(signal.SIGTERM)).__name__)
