try:
    raise SystemExit(5)
except Exception:
    print("not caught by Exception")
except BaseException as e:
    print("caught by BaseException:", type(e), e.code)
try:
    raise KeyboardInterrupt
except Exception:
    print("wrong")
except KeyboardInterrupt as e:
    print("KeyboardInterrupt caught", repr(e))
try:
    raise GeneratorExit
except:
    print("bare except catches everything")
import sys
try:
    sys.exit(7)
except SystemExit as e:
    print("sys.exit raised SystemExit", e.code)
print("still running")
