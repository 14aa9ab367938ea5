# Thousands of lines: output must be complete and in order when stdout is a pipe.
import sys
for i in range(3000):
    print(i, i * i)
for i in range(1000):
    sys.stdout.write("w%d\n" % i)
print("end", end="")
