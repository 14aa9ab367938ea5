def risky(kind):
    if kind == "key":
        return {}["k"]
    if kind == "index":
        return [][1]
    if kind == "zero":
        return 1 / 0
    if kind == "type":
        return 1 + "a"
    if kind == "value":
        return int("x")
    return "no error"
for kind in ["key", "index", "zero", "type", "value", "none"]:
    try:
        result = risky(kind)
    except KeyError as e:
        print(kind, "-> KeyError", e)
    except IndexError as e:
        print(kind, "-> IndexError", e)
    except ArithmeticError as e:
        print(kind, "-> ArithmeticError", type(e), e)
    except Exception as e:
        print(kind, "-> Exception", type(e), e)
    else:
        print(kind, "-> ok", result)
try:
    [][0]
except LookupError:
    print("first matching clause wins: LookupError")
except IndexError:
    print("never reached")
