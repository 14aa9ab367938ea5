# The classic alarm-timeout pattern: a handler that raises turns a blocking
# call that would wait forever into an exception.  Here the read end of a
# pipe never gets data; the read fails with EINTR, the handler runs on the
# main thread and raises, and PEP 475's retry is abandoned.
import os
import signal


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout("no data within 0.2 s")


signal.signal(signal.SIGALRM, on_alarm)
r, w = os.pipe()  # nobody ever writes to w
signal.setitimer(signal.ITIMER_REAL, 0.2)
try:
    data = os.read(r, 100)
except Timeout as e:
    print("Couldn't read:", e)
finally:
    signal.setitimer(signal.ITIMER_REAL, 0)
os.close(r)
os.close(w)
