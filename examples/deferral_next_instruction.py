# A signal never interrupts Python code in the middle: the C handler only
# notes it, and the script handler runs at the interpreter's next check.
# Here a tight loop with no calls in it is still interruptible, because
# sigvm checks before every instruction (CPython checks at the loop's
# backward jump).
import signal

seen = []


def handler(signum, frame):
    seen.append(signum)
    print("handler: interrupted", frame.f_code.co_name, "inside the loop")


signal.signal(signal.SIGALRM, handler)
signal.setitimer(signal.ITIMER_REAL, 0.05)
spins = 0
while not seen:
    spins += 1
print("the loop saw the handler's effect and stopped:", seen == [signal.SIGALRM])
