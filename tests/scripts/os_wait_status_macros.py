# The W* macros decode raw status words, as waitpid returns them.
import os

for status in (0, 0x0300, 0xff00, 9, 15, 0x008b, 0x137f):
    print(hex(status), os.WIFEXITED(status), os.WEXITSTATUS(status),
          os.WIFSIGNALED(status), os.WTERMSIG(status))
print(os.WNOHANG, type(os.WNOHANG).__name__)
for bad in ('x', 1.5):
    try:
        os.WIFEXITED(bad)
    except TypeError as e:
        print('TypeError', e)
