# sigvm-only: --trace-signals and --inject are sigvm's own options
# sigvm-args: --trace-signals=- --trace-no-times --inject SIGUSR1@14
import signal


def handler(signum, frame):
    print("handler: signal", signum, "at line", frame.f_lineno)


signal.signal(signal.SIGUSR1, handler)
x = 1
x = x + 1
x = x + 2
x = x + 3
print("x =", x)
