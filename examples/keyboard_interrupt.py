# Ctrl-C is SIGINT, and SIGINT's script handler is signal.default_int_handler,
# which raises KeyboardInterrupt.  Because it is an ordinary handler, it
# runs on the main thread at a check point, and the exception appears
# there, where a try statement can catch it.
import os
import signal

print("SIGINT handler is default_int_handler:",
      signal.getsignal(signal.SIGINT) is signal.default_int_handler)
try:
    os.kill(os.getpid(), signal.SIGINT)  # what Ctrl-C does
    print("not reached")
except KeyboardInterrupt:
    print("caught KeyboardInterrupt from a real SIGINT")

# It is a plain function: calling it raises too.
try:
    signal.default_int_handler(signal.SIGINT, None)
except KeyboardInterrupt:
    print("default_int_handler raised KeyboardInterrupt when called directly")

# Any signal can be routed to it.
signal.signal(signal.SIGUSR1, signal.default_int_handler)
try:
    signal.raise_signal(signal.SIGUSR1)
except KeyboardInterrupt:
    print("SIGUSR1 became a KeyboardInterrupt too")
