assert True
assert 1 == 1, "not shown"
try:
    assert 1 == 2
except AssertionError as e:
    print("AssertionError", repr(e), e.args)
try:
    assert False, "custom message"
except AssertionError as e:
    print("AssertionError:", e)
try:
    x = [1, 2]
    assert len(x) == 3, "expected 3, got %d" % len(x)
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert [], ["message", "object"]
except AssertionError as e:
    print(e.args)
