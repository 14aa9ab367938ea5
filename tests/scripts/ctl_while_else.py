i = 0
while i < 5:
    i += 1
else:
    print("while finished normally, i =", i)
i = 0
while i < 5:
    if i == 2:
        print("breaking at", i)
        break
    i += 1
else:
    print("not printed")
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps:", steps)
while False:
    print("never")
else:
    print("else of a loop that never ran")
count = 0
while True:
    count += 1
    if count >= 3:
        break
print("count", count)
