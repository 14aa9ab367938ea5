# A signal's "tripped" flag is one bit, not a counter: arrivals that come
# before the handler had a chance to run are coalesced into one call.
# Even real-time signals, which the kernel queues and delivers one by
# one, give one script-level call.
import os
import signal

calls = {signal.SIGUSR1: 0, signal.SIGRTMIN: 0}


def handler(signum, frame):
    calls[signum] += 1


for sig in calls:
    signal.signal(sig, handler)
signal.pthread_sigmask(signal.SIG_BLOCK, list(calls))
for i in range(5):
    os.kill(os.getpid(), signal.SIGUSR1)
    os.kill(os.getpid(), signal.SIGRTMIN)
signal.pthread_sigmask(signal.SIG_UNBLOCK, list(calls))
print("SIGUSR1 sent 5 times, handler calls:", calls[signal.SIGUSR1])
print("SIGRTMIN sent 5 times, handler calls:", calls[signal.SIGRTMIN])
