def nothing():
    pass
class Empty:
    pass
print(nothing(), type(Empty()) is Empty)
x = 1
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
a, b, c = 1, 2, 3
del a, b
print(c)
l = [1, 2, 3, 4]
del l[0], l[-1]
print(l)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
class Obj:
    pass
o = Obj()
o.attr = 5
print(o.attr)
del o.attr
print(hasattr(o, "attr"))
if True:
    pass
for _ in range(3):
    pass
print("done")
