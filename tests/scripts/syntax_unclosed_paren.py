print("must not run")
total = sum([1, 2,
print(total)
