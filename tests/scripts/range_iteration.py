count = 0
for i in range(1000000):
    count += 1
print(count, i)
r = range(10)
print(list(r), list(r))
it = iter(range(3))
print(next(it), list(it))
print([i for i in range(-5, 5, 3)])
print(list(range(3)) == [0, 1, 2], sum(range(0, 100, 7)))
print(list(enumerate(range(10, 13))))
