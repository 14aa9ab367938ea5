class ParseError(Exception):
    pass
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise ParseError("bad number: " + s) from e
try:
    parse("x1")
except ParseError as e:
    print(e)
    print(type(e.__cause__), e.__cause__)
    print(e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("k") from None
except KeyError as e:
    print(repr(e), e.__cause__, e.__suppress_context__, type(e.__context__))
try:
    try:
        {}["a"]
    except KeyError:
        raise ValueError("during handling")
except ValueError as e:
    print(e, repr(e.__context__), e.__cause__)
