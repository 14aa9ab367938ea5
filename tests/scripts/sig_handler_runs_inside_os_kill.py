# os.kill() to our own process runs the Python handler before it returns
# (3.11, gh-90623): the handler sees the caller's frame and line.
import os
import signal

log = []

def handler(signum, frame):
    log.append('handler')
    print('handler', signum, frame.f_code.co_name, frame.f_lineno)

signal.signal(signal.SIGUSR1, handler)

def caller():
    log.append('before')
    os.kill(os.getpid(), signal.SIGUSR1)
    log.append('after')

caller()
print(log)
os.kill(os.getpid(), signal.SIGUSR1)
print('module level done')
