# fork() returns 0 in the child and the child's pid in the parent; the
# child's getppid() is the parent's getpid().
import os
import sys

parent_pid = os.getpid()
print(type(parent_pid).__name__, parent_pid > 0, os.getpid() == parent_pid)
r, w = os.pipe()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    facts = [os.getppid() == parent_pid, os.getpid() != parent_pid]
    os.write(w, repr(facts).encode() + b'|' + str(os.getpid()).encode())
    os._exit(0)
report = os.read(r, 200).decode()
facts, child_pid = report.split('|')
print('child facts', facts)
print('fork returned the child pid:', int(child_pid) == pid)
wpid, status = os.waitpid(pid, 0)
print(wpid == pid, status)
