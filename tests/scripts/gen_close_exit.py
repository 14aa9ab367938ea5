def worker():
    try:
        while True:
            x = yield
            print("  got", x)
    except GeneratorExit:
        print("  cleanup on close")
        raise
    finally:
        print("  finally in generator")
w = worker()
next(w)
w.send(1)
w.close()
print("closed")
w.close()
try:
    w.send(2)
except StopIteration:
    print("send after close: StopIteration")
def unstarted():
    print("never runs")
    yield
u = unstarted()
u.close()
print("closed an unstarted generator")
def gen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("  generator finally")
for v in gen_with_finally():
    print("value", v)
    break
print("after break")
