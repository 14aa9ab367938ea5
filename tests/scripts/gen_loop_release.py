# A generator made by the call in a for statement belongs to that loop:
# when the loop lets go of it early (break, return, an exception) it is
# closed at once, so its finally blocks run before the next statement, as
# under CPython's reference counting. Generators held anywhere else are
# left alone.
import sys


def gen(tag, n=3):
    try:
        for i in range(n):
            yield i
    finally:
        print("  finally", tag)


for x in gen("break"):
    if x == 1:
        break
print("after break")


def first(tag):
    for x in gen(tag):
        return x


print("returned", first("return"))

try:
    for x in gen("exception"):
        raise ValueError("in the loop")
except ValueError as e:
    print("caught", e)


def deeper():
    for x in gen("unwound frame"):
        {}["missing"]


try:
    deeper()
except KeyError:
    print("caught KeyError")

for a in gen("outer", 2):
    for b in gen("inner", 2):
        if b == 1:
            break
    print("outer step", a)
print("nested done")

for x in gen("exhausted", 2):
    pass
print("after exhaustion")

saved = []


def keep(tag):
    g = gen(tag)
    saved.append(g)
    return g


for x in keep("kept"):
    break
print("kept generator not closed yet:", saved[0].gi_frame is not None)
print("still iterable:", next(saved[0]))
saved[0].close()

table = {}
for x in table.setdefault("g", gen("in a dict")):
    break
print("dict generator still running:", next(table["g"]))
table["g"].close()

g = gen("named")
for x in g:
    break
print("named generator open:", next(g))
g.close()


class Masked:
    """sys.stderr for the report below, with the object's address hidden."""

    def write(self, s):
        at = s.find(" at 0x")
        if at >= 0:
            s = s[:at] + " at 0x...>" + s[s.index(">", at) + 1:]
        sys.__stderr__.write(s)

    def flush(self):
        sys.__stderr__.flush()


def noisy():
    try:
        yield 1
        yield 2
    finally:
        print("  finally raising")
        raise RuntimeError("from finally")


sys.stdout.flush()
sys.stderr = Masked()
try:
    for x in noisy():
        raise KeyError("first")
except KeyError as e:
    print("caught", repr(e))
sys.stderr = sys.__stderr__
print("end")
