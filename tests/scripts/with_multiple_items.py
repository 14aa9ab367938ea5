class Ctx:
    def __init__(self, name, fail_enter=False):
        self.name = name
        self.fail_enter = fail_enter
    def __enter__(self):
        if self.fail_enter:
            raise RuntimeError("cannot enter " + self.name)
        print("enter", self.name)
        return self.name
    def __exit__(self, t, v, tb):
        print("exit", self.name, "with", t)
with Ctx("a") as a, Ctx("b") as b:
    print("body", a, b)
try:
    with Ctx("x") as x, Ctx("y"):
        raise ValueError("in body")
except ValueError as e:
    print("caught", e)
try:
    with Ctx("first"), Ctx("second", fail_enter=True):
        print("never")
except RuntimeError as e:
    print("caught", e)
with Ctx("outer"):
    with Ctx("inner"):
        print("nested body")
