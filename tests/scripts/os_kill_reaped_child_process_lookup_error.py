# Signalling a child that was already reaped fails with ProcessLookupError;
# signal 0 only checks existence.
import os
import signal
import sys

go_r, go_w = os.pipe()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.read(go_r, 1)
    os._exit(0)
print('alive:', os.kill(pid, 0))
os.write(go_w, b'g')
os.waitpid(pid, 0)
for sig in (0, signal.SIGTERM):
    try:
        os.kill(pid, sig)
        print('no error')
    except ProcessLookupError as e:
        print('ProcessLookupError', e.errno, e.strerror, isinstance(e, OSError))
