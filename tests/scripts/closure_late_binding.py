fns = []
for i in range(3):
    fns.append(lambda: i)
print([f() for f in fns])
fns = []
for i in range(3):
    fns.append(lambda i=i: i)
print([f() for f in fns])
def make(n):
    return lambda: n
fns = [make(i) for i in range(3)]
print([f() for f in fns])
def late():
    x = 1
    def get():
        return x
    x = 2
    return get
print(late()())
adders = [(lambda k: (lambda v: v + k))(k) for k in range(3)]
print([a(10) for a in adders])
