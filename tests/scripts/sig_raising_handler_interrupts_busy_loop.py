# A raising handler interrupts an endless pure-Python loop; an enclosing try
# in the looping function catches the exception.
import signal

class Timeout(Exception):
    pass

armed = [False]

def handler(signum, frame):
    if armed[0]:
        armed[0] = False
        raise Timeout(frame.f_code.co_name)

def forever():
    count = 0
    try:
        armed[0] = True
        while True:
            count += 1
    except Timeout as e:
        return 'stopped in ' + str(e)

signal.signal(signal.SIGALRM, handler)
# A repeating timer; the handler only raises once forever() has armed it.
signal.setitimer(signal.ITIMER_REAL, 0.02, 0.02)
result = forever()
signal.setitimer(signal.ITIMER_REAL, 0)
print(result)
