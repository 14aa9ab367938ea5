# A traceback keeps the frames it passed through: tb_frame gives each one
# with its code, line, locals and callers, even after those functions have
# returned and other calls have run in their place.
import signal
import sys


def inner(n):
    secret = n * 2
    raise ValueError("inner %d" % n)


def middle(n):
    tag = "m%d" % n
    return inner(n + 1)


def names(tb):
    out = []
    while tb is not None:
        f = tb.tb_frame
        out.append((f.f_code.co_name, tb.tb_lineno, f.f_lineno))
        tb = tb.tb_next
    return out


def run():
    try:
        middle(1)
    except ValueError as e:
        return e


e = run()
# unrelated calls that would reuse the frames if they were not kept
for i in range(50):
    middle.__name__ and len(str(i))
    try:
        inner(i)
    except ValueError:
        pass
print(names(e.__traceback__))
tb = e.__traceback__
while tb.tb_next is not None:
    tb = tb.tb_next
f = tb.tb_frame
print(f.f_code.co_name, sorted(f.f_locals.items()))
print(f.f_back.f_code.co_name, sorted(f.f_back.f_locals.items()))
print(f.f_back.f_back.f_code.co_name, f.f_back.f_back.f_back.f_code.co_name)
print(f.f_back.f_back.f_back.f_back)


def rec(n):
    return rec(n + 1)


try:
    rec(0)
except RecursionError as e:
    tb, depth, last = e.__traceback__, 0, None
    while tb is not None:
        depth += 1
        last = tb.tb_frame
        tb = tb.tb_next
    print("recursion entries > 900:", depth > 900, last.f_code.co_name,
          last.f_locals["n"] > 900)


def handler(signum, frame):
    raise KeyError("from handler %d" % signum)


signal.signal(signal.SIGUSR1, handler)


def busy():
    k = 0
    while True:
        k += 1
        if k == 10:
            signal.raise_signal(signal.SIGUSR1)


try:
    busy()
except KeyError as e:
    frames = []
    tb = e.__traceback__
    while tb is not None:
        frames.append((tb.tb_frame.f_code.co_name, tb.tb_frame.f_locals.get("k")))
        tb = tb.tb_next
    print(frames)
    print(sys.exc_info()[2].tb_frame.f_code.co_name)
