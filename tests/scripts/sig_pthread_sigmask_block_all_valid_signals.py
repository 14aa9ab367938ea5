# Blocking every valid signal works (SIGKILL/SIGSTOP are silently kept
# unblockable), and restoring gives back a subset of valid_signals().
import signal

signal.pthread_sigmask(signal.SIG_SETMASK, [])
old = signal.pthread_sigmask(signal.SIG_BLOCK, signal.valid_signals())
print(old)
blocked = signal.pthread_sigmask(signal.SIG_UNBLOCK, signal.valid_signals())
print(len(blocked), signal.SIGKILL in blocked, signal.SIGSTOP in blocked)
print(blocked <= signal.valid_signals())
print(signal.valid_signals() - blocked)
print(signal.pthread_sigmask(signal.SIG_BLOCK, []))
