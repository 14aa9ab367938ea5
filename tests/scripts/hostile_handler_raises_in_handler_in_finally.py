# A handler that raises inside another handler that runs inside a finally
# block: the exception unwinds through both handlers and every finally.
import os
import signal

log = []


class Inner(Exception):
    pass


def inner_handler(signum, frame):
    log.append("inner handler " + frame.f_code.co_name)
    raise Inner("from the inner handler")


def outer_handler(signum, frame):
    log.append("outer handler " + frame.f_code.co_name)
    try:
        os.kill(os.getpid(), signal.SIGUSR2)
        log.append("not reached: after the inner kill")
    finally:
        log.append("outer handler finally")


signal.signal(signal.SIGUSR1, outer_handler)
signal.signal(signal.SIGUSR2, inner_handler)


def work():
    try:
        try:
            raise ValueError("the original error")
        finally:
            log.append("work finally")
            os.kill(os.getpid(), signal.SIGUSR1)
            log.append("not reached: after the outer kill")
    finally:
        log.append("work outer finally")


try:
    work()
except Inner as e:
    log.append("caught %s: %s" % (type(e).__name__, e))
    log.append("context %s: %s" % (type(e.__context__).__name__, e.__context__))

for line in log:
    print(line)

# The same again without a catch: the traceback runs through both handlers.
work()
