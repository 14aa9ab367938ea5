def run(fail):
    try:
        print("  try", fail)
        if fail:
            raise RuntimeError("boom")
    except RuntimeError as e:
        print("  except", e)
    else:
        print("  else")
    finally:
        print("  finally")
    print("  after")
run(False)
run(True)
def only_finally():
    try:
        return "value from try"
    finally:
        print("  finally runs before return completes")
print(only_finally())
try:
    try:
        raise KeyError("inner")
    finally:
        print("  inner finally")
except KeyError as e:
    print("outer caught", e)
