def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
for n in (-5, 0, 3, 10, 99):
    print(n, classify(n))
x = 5
if x:
    print("truthy")
if not x:
    print("never")
else:
    print("else branch")
if x > 1:
    if x > 3:
        print("nested > 3")
    else:
        print("nested <= 3")
if []: print("empty list is true?")
elif {}: print("empty dict is true?")
else: print("one-line else")
