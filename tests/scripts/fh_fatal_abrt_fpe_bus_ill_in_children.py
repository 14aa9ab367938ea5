# The other fatal signals faulthandler reports: SIGABRT, SIGFPE, SIGBUS and
# SIGILL, each sent by a forked child to itself; the child dies by it.
import faulthandler
import os
import signal
import sys

for sig in (signal.SIGABRT, signal.SIGFPE, signal.SIGBUS, signal.SIGILL):
    r, w = os.pipe()
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        faulthandler.enable(file=w, all_threads=False)
        os.kill(os.getpid(), sig)
        os._exit(0)
    os.close(w)
    report = b''
    while True:
        chunk = os.read(r, 65536)
        if not chunk:
            break
        report += chunk
    os.close(r)
    _, status = os.waitpid(pid, 0)
    lines = report.decode().splitlines()
    print(sig.name, os.WIFSIGNALED(status), os.WTERMSIG(status) == sig)
    print(' ', lines[0], '|', lines[2], '|', lines[3][lines[3].rfind(' in ') + 4:])
