# sigvm-only: threading is native, so the report has no threading.py frames (README.md, Threads)
# An exception in a thread prints "Exception in thread NAME:" and the
# traceback on stderr; the thread ends and the program goes on.
import threading


def fail(x):
    raise ValueError("boom %d" % x)


t = threading.Thread(target=fail, args=(3,))
t.start()
t.join()
print("after the failing thread:", t.is_alive())


class Quiet(threading.Thread):
    def run(self):
        raise SystemExit(5)


q = Quiet(name="quiet")
q.start()
q.join()
print("SystemExit in a thread is silent")
