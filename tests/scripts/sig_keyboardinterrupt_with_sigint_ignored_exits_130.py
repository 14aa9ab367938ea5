# With SIGINT ignored, a signal does nothing; an explicit uncaught
# KeyboardInterrupt still ends with status 130 (SIG_DFL is restored first).
import os
import signal

signal.signal(signal.SIGINT, signal.SIG_IGN)
os.kill(os.getpid(), signal.SIGINT)
print('survived SIGINT')
raise KeyboardInterrupt
