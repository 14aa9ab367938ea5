# SIGPIPE is ignored at startup, so writing to a pipe whose read end is
# closed raises BrokenPipeError (EPIPE) instead of killing the process.
import os
import signal

print(repr(signal.getsignal(signal.SIGPIPE)))
r, w = os.pipe()
os.close(r)
try:
    os.write(w, b'x')
except BrokenPipeError as e:
    print('BrokenPipeError', e.errno, e.strerror, isinstance(e, ConnectionError))
    print(e.args)
os.close(w)
