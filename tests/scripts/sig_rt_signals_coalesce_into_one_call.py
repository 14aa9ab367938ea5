# Real-time signals queue in the kernel (five C-level deliveries), but the
# tripped flag is a bit, not a counter: one Python handler call.
import os
import signal

count = [0]

def handler(signum, frame):
    count[0] += 1

sig = signal.SIGRTMIN + 2
signal.signal(sig, handler)
signal.pthread_sigmask(signal.SIG_BLOCK, [sig])
for i in range(5):
    os.kill(os.getpid(), sig)
print('pending:', sorted(signal.sigpending()))
signal.pthread_sigmask(signal.SIG_UNBLOCK, [sig])
print('python calls:', count[0])
