# sigvm-only: --trace-signals and --inject are sigvm's own options; under -X checkpoints=cpython the handler waits for the next call
# sigvm-args: --trace-signals=- --trace-no-times -X checkpoints=cpython --inject SIGUSR1@14
import signal


def handler(signum, frame):
    print("handler: signal", signum, "at line", frame.f_lineno)


signal.signal(signal.SIGUSR1, handler)
x = 1
x = x + 1
x = x + 2
x = x + 3
print("x =", x)
