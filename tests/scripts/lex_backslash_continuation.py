total = 1 + \
    2 + \
    3
print(total)
if total > 5 and \
   total < 10:
    print("in range")
s = "abc" \
    "def"
print(s)
x = \
7
print(x)
print("a long string with a backslash-newline \
inside it")
