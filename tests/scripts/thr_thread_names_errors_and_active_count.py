# Thread names, repr before start, attributes, active_count and the
# RuntimeErrors of misuse, with CPython's messages.
import threading


def show(f):
    try:
        print(repr(f()))
    except BaseException as e:
        print(type(e).__name__ + ":", e)


def job():
    pass


a = threading.Thread()
b = threading.Thread(target=job)
c = threading.Thread(target=job, name="custom", daemon=True)
d = threading.Thread(target=job, name=42)
print(a, b, c, d, sep="\n")
print(a.name, b.name, c.name, d.name)
print(a.ident, a.native_id, a.daemon, c.daemon, a.is_alive())
show(a.join)
show(lambda: threading.Thread(group=1))
main = threading.main_thread()
print(main.name, main.daemon, main.is_alive())
print(threading.current_thread() is main, threading.active_count())
show(main.join)

gate = threading.Event()
inside = []


def worker(tag, extra=None):
    me = threading.current_thread()
    inside.append((tag, extra, me.name, me is not main, me.daemon,
                   me.ident == threading.get_ident()))
    gate.wait()


workers = [threading.Thread(target=worker, args=(i,), kwargs={"extra": i * 2})
           for i in range(3)]
for w in workers:
    w.start()
print("active while 3 wait:", threading.active_count(),
      len(threading.enumerate()))
print("alive:", [w.is_alive() for w in workers])
show(workers[0].start)
show(lambda: setattr(workers[0], "daemon", True))
print("ident set:", all(isinstance(w.ident, int) for w in workers))
gate.set()
for w in workers:
    w.join()
print(sorted(inside))
print("active after join:", threading.active_count())
print("alive:", [w.is_alive() for w in workers])
b.name = "renamed"
print(b.name)


class Sub(threading.Thread):
    def __init__(self, n):
        super().__init__(name="sub-%d" % n)
        self.n = n
        self.out = None

    def run(self):
        self.out = self.n * self.n


s = Sub(9)
s.start()
s.join()
print(s.name, s.out, s.is_alive())


class NoInit(threading.Thread):
    def __init__(self):
        pass


show(NoInit().start)
t = threading.Thread(target=job)
t.start()
t.join(timeout=5)
t.join(0)
print("joined twice:", t.is_alive())
