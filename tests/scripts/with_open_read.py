# Reads its own source; the test folder may be read-only, so nothing is written.
with open("with_open_read.py") as f:
    first = f.readline()
    second = f.readline()
print(repr(first))
print(repr(second))
with open("with_open_read.py") as f:
    lines = [line.rstrip("\n") for line in f]
print(len(lines), lines[-1])
f = open("with_open_read.py")
text = f.read()
f.close()
print(len(text.splitlines()), text.startswith("# Reads"))
with open("with_open_read.py", "rb") as f:
    data = f.read()
print(type(data), data[:7], len(data) == len(text.encode()))
try:
    open("no_such_file_here.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e.strerror, e.filename)
# last line
