# os._exit ends the child at once with the given status: its finally block
# does not run.
import os
import sys

for code in (0, 1, 3, 42, 255):
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        try:
            os._exit(code)
        finally:
            print('child finally')
            sys.stdout.flush()
    _, status = os.waitpid(pid, 0)
    print(code, os.WIFEXITED(status), os.WEXITSTATUS(status), os.WIFSIGNALED(status))
