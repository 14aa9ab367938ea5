# default_int_handler can be installed for another signal: SIGTERM then
# raises KeyboardInterrupt inside os.kill, where an enclosing try catches it.
import os
import signal

signal.signal(signal.SIGTERM, signal.default_int_handler)
print(signal.getsignal(signal.SIGTERM) is signal.default_int_handler)

def send():
    os.kill(os.getpid(), signal.SIGTERM)
    print('not reached')

try:
    send()
except KeyboardInterrupt as e:
    print('caught KeyboardInterrupt', e.args)
signal.signal(signal.SIGTERM, signal.SIG_IGN)
os.kill(os.getpid(), signal.SIGTERM)
print('ignored SIGTERM survived')
