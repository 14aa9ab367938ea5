# setitimer returns the old (delay, interval) pair of floats; getitimer
# reads the running timer.
import signal

signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGALRM])
for which in (signal.ITIMER_REAL, signal.ITIMER_VIRTUAL, signal.ITIMER_PROF):
    print(which, signal.getitimer(which))
old = signal.setitimer(signal.ITIMER_REAL, 10, 2)
print(old, type(old).__name__, type(old[0]).__name__)
delay, interval = signal.getitimer(signal.ITIMER_REAL)
print(9.0 < delay <= 10.0, interval)
old = signal.setitimer(signal.ITIMER_REAL, 20.5)
print(9.0 < old[0] <= 10.0, old[1])
old = signal.setitimer(signal.ITIMER_REAL, 0)
print(19.5 < old[0] <= 20.5, old[1])
print(signal.getitimer(signal.ITIMER_REAL))
old = signal.setitimer(signal.ITIMER_VIRTUAL, 50, 0.25)
print(old, signal.setitimer(signal.ITIMER_VIRTUAL, 0)[1])
print(signal.sigpending())
