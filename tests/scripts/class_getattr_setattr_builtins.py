class Config:
    debug = False
    def __init__(self):
        self.level = 1
c = Config()
print(getattr(c, "level"), getattr(c, "debug"), getattr(c, "missing", "dflt"))
setattr(c, "level", 5)
setattr(c, "new_attr", [1])
print(c.level, c.new_attr)
print(hasattr(c, "level"), hasattr(c, "nope"), hasattr(Config, "level"))
try:
    getattr(c, "nope")
except AttributeError as e:
    print("AttributeError:", e)
for name in ("a", "b"):
    setattr(c, name, name.upper())
print(c.a, c.b)
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print("AttributeError:", e)
print(getattr("abc", "upper")(), getattr([], "append") is not None)
