# NSIG, ITIMER_* and SIGRTMIN/MAX: types and values; a missing name is an
# AttributeError.
import signal

print(repr(signal.NSIG), type(signal.NSIG).__name__)
print(signal.ITIMER_REAL, signal.ITIMER_VIRTUAL, signal.ITIMER_PROF,
      type(signal.ITIMER_PROF).__name__)
print(repr(signal.SIGRTMIN), repr(signal.SIGRTMAX))
print(repr(signal.SIG_BLOCK), repr(signal.SIG_UNBLOCK), repr(signal.SIG_SETMASK))
print(repr(signal.SIG_DFL), repr(signal.SIG_IGN))
for name in ('SIGHUP', 'SIGQUIT', 'SIGKILL', 'SIGPIPE', 'SIGCHLD', 'SIGCONT',
             'SIGSTOP', 'SIGTSTP', 'SIGWINCH', 'SIGSYS', 'SIGPWR', 'SIGSTKFLT'):
    print(name, int(getattr(signal, name)))
print(hasattr(signal, 'CTRL_C_EVENT'), hasattr(signal, 'SIGBREAK'))
try:
    signal.SIGFOO
except AttributeError as e:
    print('AttributeError', e)
print(signal.ItimerError.__name__, issubclass(signal.ItimerError, OSError))
print(signal.struct_siginfo.__name__)
