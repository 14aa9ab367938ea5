print("must not run")
values = [1, 2, 3)
print(values)
