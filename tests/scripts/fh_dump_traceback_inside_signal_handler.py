# A handler run inside os.kill sits on top of its caller's frame:
# dump_traceback from the handler shows handler, caller, module.
import faulthandler
import os
import signal
import sys

here = sys._getframe().f_code.co_filename
prefix = here[:here.rfind('/') + 1]
r, w = os.pipe()

def handler(signum, frame):
    faulthandler.dump_traceback(w, all_threads=False)

def caller():
    os.kill(os.getpid(), signal.SIGUSR1)

signal.signal(signal.SIGUSR1, handler)
caller()
os.close(w)
print(os.read(r, 65536).decode().replace(prefix, ''), end='')
