print("before the error")
x = 1
print(x + undefined_variable)
print("not reached")
