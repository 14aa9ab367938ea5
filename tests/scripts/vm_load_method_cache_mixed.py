# One method-call site seeing lists, script objects with and without an
# instance attribute shadowing the method, and exceptions: each call must
# find what the object's own lookup says (the VM caches per site).


class Log:
    def __init__(self):
        self.items = []

    def append(self, x):
        self.items.append(("log", x))


class Err(Exception):
    def append(self, x):
        return ("err", x)


def push(o, x):
    return o.append(x)


lst = []
log = Log()
shadowed = Log()
shadowed.append = lambda x: ("shadow", x)
err = Err()
out = []
for i in range(3):
    for o in (lst, log, shadowed, err):
        out.append(push(o, i))
print(out)
print(lst, log.items)
