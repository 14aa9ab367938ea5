def f(n):
	if n > 0:
		return "positive"
	return "not positive"

for i in (1, 0):
	print(f(i))
if True:
        print("eight spaces")
