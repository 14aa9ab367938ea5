# sys.ps1 and sys.ps2 exist only once the interactive prompt starts: a
# script (and input(), which never reads them) sees them missing until it
# sets them itself.
import sys

for name in ("ps1", "ps2"):
    print(name, hasattr(sys, name))
    try:
        getattr(sys, name)
    except AttributeError as e:
        print(type(e).__name__, e)

sys.ps1 = 42
sys.ps2 = "... "
print(sys.ps1, repr(sys.ps2))
del sys.ps1
print(hasattr(sys, "ps1"), hasattr(sys, "ps2"))
