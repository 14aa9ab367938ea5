def inner():
    yield 1
    yield 2
    return "inner result"
def outer():
    result = yield from inner()
    print("  inner returned", result)
    yield from [10, 20]
    yield from range(3)
    yield from "ab"
print(list(outer()))
def tree(node):
    if isinstance(node, list):
        for child in node:
            yield from tree(child)
    else:
        yield node
print(list(tree([1, [2, [3, 4]], [[5]], 6])))
def relay():
    x = yield from echo()
    yield "relay got " + str(x)
def echo():
    got = yield "ready"
    return got
r = relay()
print(next(r))
print(r.send("payload"))
