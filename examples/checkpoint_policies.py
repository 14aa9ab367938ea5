# sigvm-only: --trace-signals, --inject and -X checkpoints are sigvm's own options
# sigvm-run: --trace-signals=- --trace-no-times --inject SIGUSR1@16
# sigvm-run: -X checkpoints=cpython --trace-signals=- --trace-no-times --inject SIGUSR1@16
# The same signal, injected before the same instruction, under both
# check-point policies.  With the default (checkpoints=every) the handler
# runs one instruction later; with CPython 3.10+'s policy it waits for the
# next check point: here the call to print.
import signal


def handler(signum, frame):
    print("  handler runs at line", frame.f_lineno)


signal.signal(signal.SIGUSR1, handler)
a = 1
b = a + 1
c = b + 1
print("  straight-line code done, c =", c)
