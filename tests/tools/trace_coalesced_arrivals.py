# sigvm-only: two injected arrivals before one check point make one handler call
# sigvm-args: --trace-signals=- --trace-no-times -X checkpoints=cpython --inject SIGUSR1@14,SIGUSR1@16
import signal

calls = []
signal.signal(signal.SIGUSR1, lambda signum, frame: calls.append(signum))
x = 1
x = x + 1
x = x + 2
x = x + 3
print("calls:", calls)
