# Raising and catching many exceptions keeps tracebacks and frames short-lived.
caught = 0
def fail(i):
    raise ValueError("error %d" % i)
for i in range(30000):
    try:
        fail(i)
    except ValueError as e:
        caught += 1
        last = str(e)
print(caught, last)
class Obj:
    def __init__(self, n):
        self.payload = [n] * 10
objs = 0
for i in range(50000):
    o = Obj(i)
    objs += len(o.payload)
print(objs)
