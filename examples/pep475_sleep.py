# PEP 475: a system call interrupted by a signal whose handler does not
# raise is resumed with the time that remains.  time.sleep(0.3) wakes up
# with EINTR three times here, runs the handler each time, and still
# sleeps 0.3 s in total.
import signal
import time

ticks = []
signal.signal(signal.SIGALRM, lambda signum, frame: ticks.append(signum))
signal.setitimer(signal.ITIMER_REAL, 0.05, 0.05)
start = time.monotonic()
time.sleep(0.3)
elapsed = time.monotonic() - start
signal.setitimer(signal.ITIMER_REAL, 0)
print("handler ran during the sleep:", len(ticks) >= 2)
print("slept the whole 0.3 s:", elapsed >= 0.3)
