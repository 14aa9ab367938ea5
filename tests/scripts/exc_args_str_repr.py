cases = [
    ValueError(),
    ValueError("one"),
    ValueError("one", 2),
    ValueError(42),
    KeyError("k"),
    KeyError(),
    KeyError("a", "b"),
    IndexError("list index out of range"),
    Exception("it's"),
    RuntimeError(None),
    StopIteration(5),
    AssertionError(),
]
for e in cases:
    print(repr(e), "|", str(e), "|", e.args)
print(BaseException("base"), SystemExit(2).code, SystemExit().code, SystemExit("m").code)
