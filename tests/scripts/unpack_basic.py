a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
x, y, z = "xyz"
print(x, y, z)
(p, q), r = (1, 2), 3
print(p, q, r)
[m, n] = [10, 20]
print(m, n)
i = j = k = 0
print(i, j, k)
d = {"k1": 1, "k2": 2}
k1, k2 = d
print(k1, k2)
for idx, (ch, num) in enumerate(zip("ab", [1, 2])):
    print(idx, ch, num)
t = 1,
(single,) = t
print(single)
l = [0, 0]
l[0], l[1] = "first", "second"
print(l)
class O:
    pass
o = O()
o.a, o.b = 3, 4
print(o.a, o.b)
a, b = b, a = 5, 6
print(a, b)
