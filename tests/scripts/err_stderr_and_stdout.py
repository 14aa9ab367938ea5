import sys
print("line on stdout")
print("line on stderr", file=sys.stderr)
print("another stdout line")
raise TypeError("final error")
