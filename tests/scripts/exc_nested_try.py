def level3():
    raise ValueError("from level 3")
def level2():
    try:
        level3()
    except TypeError:
        print("level2 does not handle ValueError")
def level1():
    try:
        level2()
    except ValueError as e:
        print("level1 caught:", e)
        return "handled"
print(level1())
try:
    try:
        try:
            raise KeyError("deep")
        except ValueError:
            print("wrong handler")
        finally:
            print("finally 1")
    finally:
        print("finally 2")
except KeyError as e:
    print("outermost:", e)
try:
    try:
        raise ValueError("a")
    except ValueError:
        raise TypeError("b")
except TypeError as e:
    print("replacement:", e, "context:", repr(e.__context__))
