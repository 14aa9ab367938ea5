# A blocked classic signal raised several times is pending once, so its
# handler runs once after the unblock.
import os
import signal

count = [0]

def handler(signum, frame):
    count[0] += 1

signal.signal(signal.SIGUSR1, handler)
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
for i in range(5):
    os.kill(os.getpid(), signal.SIGUSR1)
print('pending:', signal.sigpending())
print('calls while blocked:', count[0])
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1])
print('calls after unblock:', count[0])
os.kill(os.getpid(), signal.SIGUSR1)
print('calls after one more:', count[0])
