# sigvm-only: `sigvm -X checkpoints=cpython -m dis` lists the check points of CPython 3.10+
# sigvm-args: -X checkpoints=cpython -m dis
def gen(items):
    for x in items:
        yield x * 2


total = 0
for v in gen([1, 2, 3]):
    total += v
print(total)
