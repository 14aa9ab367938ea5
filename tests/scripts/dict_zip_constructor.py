keys = ["name", "lang", "year"]
values = ["sigvm", "C", 2024]
d = dict(zip(keys, values))
print(d)
print(dict(zip("abc", range(3))))
print(dict(zip(keys, [1])))
print(dict([(1, 2), [3, 4]]), dict({"k": "v"}), dict({"k": 1}, k2=2))
inv = {v: k for k, v in d.items()}
print(inv)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError:", e)
try:
    dict([1])
except TypeError as e:
    print("TypeError:", e)
