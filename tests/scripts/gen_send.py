def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
acc = accumulator()
print(next(acc))
print(acc.send(10))
print(acc.send(5))
try:
    acc.send(None)
except StopIteration as e:
    print("stopped", e.value)
def echo():
    received = []
    while True:
        x = yield len(received)
        received.append(x)
        if x == "stop":
            return received
e = echo()
next(e)
e.send("a")
e.send("b")
try:
    e.send("stop")
except StopIteration as s:
    print("returned", s.value)
g = accumulator()
try:
    g.send(1)
except TypeError as err:
    print("TypeError:", err)
