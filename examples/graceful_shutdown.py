# A graceful-shutdown handler: SIGTERM sets a flag, the main loop notices
# it between two units of work, cleans up and exits with status 0
# instead of being killed in the middle of a unit.
import os
import signal
import sys

stopping = False


def on_term(signum, frame):
    global stopping
    print("SIGTERM received, finishing the current job")
    stopping = True


signal.signal(signal.SIGTERM, on_term)
done = 0
try:
    while not stopping:
        done += 1  # one unit of work
        if done == 3:
            os.kill(os.getpid(), signal.SIGTERM)  # as `kill PID` would
finally:
    print("cleaning up after", done, "jobs")
sys.exit(0)
