# A sampling profiler in a few lines: ITIMER_PROF sends SIGPROF every
# 5 ms of CPU time, and the handler's `frame` argument says where the
# program was.  The samples land in the function doing the work.
import signal

samples = {}


def sample(signum, frame):
    name = frame.f_code.co_name
    samples[name] = samples.get(name, 0) + 1


def busy():
    n = 0
    for i in range(20_000):
        n += i * i
    return n


signal.signal(signal.SIGPROF, sample)
signal.setitimer(signal.ITIMER_PROF, 0.005, 0.005)
while sum(samples.values()) < 20:
    busy()
signal.setitimer(signal.ITIMER_PROF, 0)
hottest = max(samples, key=samples.get)
print("collected at least 20 samples")
print("hottest function:", hottest)
