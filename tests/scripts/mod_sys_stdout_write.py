import sys
n = sys.stdout.write("abc\n")
print(n)
print(sys.stdout.write(""), sys.stdout.write("é中\n"))
sys.stdout.write("no newline, ")
print("then print")
sys.stdout.write("x" + "y" * 3 + "\n")
sys.stdout.flush()
sys.stderr.write("err line\n")
sys.stderr.flush()
try:
    sys.stdout.write(5)
except TypeError as e:
    print("TypeError:", e)
w = sys.stdout.write
w("bound method works\n")
