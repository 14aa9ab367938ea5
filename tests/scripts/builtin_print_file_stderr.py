import sys
print("to stdout")
print("to stderr", file=sys.stderr)
print("explicit stdout", file=sys.stdout)
print("a", "b", sep="+", end="!\n", file=sys.stderr)
sys.stderr.write("written with sys.stderr.write\n")
print("file=None means stdout", file=None)
