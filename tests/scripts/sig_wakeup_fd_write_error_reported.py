# A wakeup fd that cannot be written (the read end of a pipe) is reported as
# "Exception ignored" with the OSError, even with warn_on_full_buffer=False;
# the report comes from the frame that runs next (here the caller, because
# the handler is a C callable) and the handler itself still runs.
import os
import signal

log = []
r, w = os.pipe()
os.set_blocking(r, False)
signal.signal(signal.SIGALRM, log.insert)
signal.set_wakeup_fd(r, warn_on_full_buffer=False)
signal.raise_signal(signal.SIGALRM)
print('handler ran:', len(log))
signal.set_wakeup_fd(-1)
signal.raise_signal(signal.SIGALRM)
print('handler ran:', len(log))
