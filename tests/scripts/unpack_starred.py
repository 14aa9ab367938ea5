first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = [1, 2, 3, 4]
print(init, last)
a, *middle, z = "abcdef"
print(a, middle, z)
a, *empty, z = [1, 2]
print(a, empty, z)
*everything, = range(3)
print(everything)
head, *tail = (9,)
print(head, tail)
for x, *ys in [(1, 2, 3), (4,)]:
    print(x, ys)
(a, *b), c = [1, 2, 3], 4
print(a, b, c)
