# pidfd_send_signal: siginfo must be None (checked before the syscall),
# kernel errors become OSError, and a pidfd for our own process (an open
# /proc/self directory) delivers the signal; the handler runs at the next
# check, before the following statement.
import os
import signal

log = []
signal.signal(signal.SIGUSR1, lambda s, f: log.append(s))
pidfd = os.open('/proc/self', os.O_RDONLY | os.O_DIRECTORY)
print(signal.pidfd_send_signal(pidfd, signal.SIGUSR1))
print('log', log)
print(signal.pidfd_send_signal(pidfd, 0), log)
r, w = os.pipe()
for args in ((r, signal.SIGUSR1), (pidfd, signal.SIGUSR1, object()),
             (r, signal.SIGUSR1, 'x'), (pidfd, 4242), (pidfd, -1),
             (-1, signal.SIGUSR1), ('x', signal.SIGUSR1), (pidfd,),
             (pidfd, signal.SIGUSR1, None, 0, 5)):
    try:
        signal.pidfd_send_signal(*args)
        print('ok')
    except Exception as e:
        print(type(e).__name__, e)
print('log', log)
os.close(pidfd)
