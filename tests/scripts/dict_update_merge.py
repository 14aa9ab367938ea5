d = {"a": 1, "b": 2}
d.update({"b": 20, "c": 30})
print(d)
d.update([("d", 4), ("a", 100)])
print(d)
d.update(e=5, f=6)
print(d)
d.update()
print(d)
e = {}
e.update({"k": [1]})
e["k"].append(2)
print(e)
try:
    e.update([1, 2])
except TypeError as err:
    print("TypeError:", err)
