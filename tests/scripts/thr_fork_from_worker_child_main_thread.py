# After os.fork in a worker, the forking thread is the child's main thread:
# it may set signal handlers, and it runs them.
import os
import signal
import threading

r, w = os.pipe()


def worker():
    pid = os.fork()
    if pid == 0:
        os.close(r)
        me = threading.current_thread()
        lines = ["child main:", str(me is threading.main_thread()),
                 "active:", str(threading.active_count())]
        got = []
        signal.signal(signal.SIGUSR1, lambda s, f: got.append(s))
        os.kill(os.getpid(), signal.SIGUSR1)
        lines += ["handled:", str(got)]
        os.write(w, " ".join(lines).encode())
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    print("child exit status:", os.WEXITSTATUS(status))


t = threading.Thread(target=worker)
t.start()
t.join()
os.close(w)
print(os.read(r, 1000).decode())
