values = [
    1,
    2,   # comment inside brackets
    3,
]
print(values)
d = {
    "a": 1,

    "b": 2,
}
print(d)
t = (10,
        20,
  30)
print(t)
print(sum(
    x * x
    for x in values
))
def f(a,
      b,
      c=3):
    return a + b + c
print(f(1,
        2))
s = ("one "
     "two "
     'three')
print(s)
