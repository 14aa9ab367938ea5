# sigvm-only: a raising handler's exception appears at the instruction where the check ran, inside the try
# sigvm-args: --trace-signals=- --trace-no-times --inject SIGALRM@17
import signal


def handler(signum, frame):
    raise KeyboardInterrupt


signal.signal(signal.SIGALRM, handler)
try:
    total = sum([1, 2, 3])
except KeyboardInterrupt:
    print("interrupted before sum's result was stored")
