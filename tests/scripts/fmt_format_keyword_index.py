print("{name} is {age} years".format(name="Bob", age=42))
print("{0} {x} {1} {y}".format("a", "b", x="X", y="Y"))
point = {"x": 3, "y": 4}
print("({p[x]}, {p[y]})".format(p=point))
print("{0[0]}-{0[2]}".format("abc"))
print("{a[1][0]}".format(a=[[1], [2, 3]]))
print("{:{fill}{align}{width}}".format("v", fill="*", align="^", width=7))
print("{0:>{1}}".format("w", 4))
print("{k!r:>8}|".format(k="q"))
data = {"n": 5, "s": "five"}
print("{n}={s}".format(**data))
try:
    print("{missing}".format(x=1))
except KeyError as e:
    print("KeyError:", e)
