import sys
for arg in [(), (0,), (None,), (2,), ("message",), (True,)]:
    try:
        sys.exit(*arg)
    except SystemExit as e:
        print(arg, "->", repr(e.code))
try:
    raise SystemExit(4)
except SystemExit as e:
    print("raise SystemExit(4) ->", e.code)
print("exiting with 0 explicitly")
sys.exit(0)
print("not reached")
