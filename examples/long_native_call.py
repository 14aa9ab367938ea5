# A builtin written in C is one step for the interpreter: a signal that
# arrives while sum() runs only trips a flag, and the handler runs after
# sum() returns, before the next instruction stores its result.
import signal

log = []


def handler(signum, frame):
    log.append("handler")


signal.signal(signal.SIGALRM, handler)
signal.setitimer(signal.ITIMER_REAL, 0.01)  # fires while sum() runs
total = sum(range(20_000_000))
log.append("result stored")
print("sum:", total)
print("order:", log)
