# dump_traceback(all_threads=False) writes the current stack, most recent
# call first, to a file descriptor.  The dump is read back from a pipe and
# the script's directory is stripped from file names.
import faulthandler
import os
import sys

here = sys._getframe().f_code.co_filename
prefix = here[:here.rfind('/') + 1]

def innermost(fd):
    faulthandler.dump_traceback(fd, all_threads=False)

def middle(fd):
    innermost(fd)

def outer(fd):
    middle(fd)

r, w = os.pipe()
outer(w)
os.close(w)
text = os.read(r, 65536).decode()
print(text.replace(prefix, ''), end='')
print('---')
r, w = os.pipe()
faulthandler.dump_traceback(file=w, all_threads=False)
os.close(w)
print(os.read(r, 65536).decode().replace(prefix, ''), end='')
