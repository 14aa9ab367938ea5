# A handler for another signal can run nested inside a running handler; its
# frame argument is the outer handler's frame.
import os
import signal

log = []

def h_usr2(signum, frame):
    log.append(('usr2', frame.f_code.co_name, frame.f_back.f_code.co_name))

def h_usr1(signum, frame):
    log.append(('usr1 start', frame.f_code.co_name))
    os.kill(os.getpid(), signal.SIGUSR2)
    log.append(('usr1 end',))

def main():
    os.kill(os.getpid(), signal.SIGUSR1)

signal.signal(signal.SIGUSR1, h_usr1)
signal.signal(signal.SIGUSR2, h_usr2)
main()
for entry in log:
    print(entry)
