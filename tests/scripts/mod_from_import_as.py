from errno import EINTR, ENOENT as no_such_file, errorcode
from sys import argv as arguments, exit
from time import monotonic as now, sleep
from gc import isenabled
print(EINTR, no_such_file, errorcode[EINTR])
print(arguments)
print(type(now()), sleep(0), isenabled())
try:
    exit(0)
except SystemExit as ex:
    print("exit is sys.exit:", ex.code)
try:
    print(ENOENT)
except NameError as ex:
    print("NameError:", ex)
