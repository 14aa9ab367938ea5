# A daemon thread blocked forever does not keep the process alive; a
# non-daemon thread is waited for at exit.
import threading

never = threading.Event()
last = threading.Event()


def stuck():
    never.wait()


def finisher():
    last.wait()
    print("non-daemon worker finished after the main module")


d = threading.Thread(target=stuck, daemon=True)
d.start()
n = threading.Thread(target=finisher)
n.start()
print("daemon:", d.daemon, "non-daemon:", n.daemon)
print("main module done")
last.set()
