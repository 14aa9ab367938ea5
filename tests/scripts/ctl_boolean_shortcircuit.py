def t(name, value):
    print("eval", name)
    return value
print(t("a", True) and t("b", False) and t("c", True))
print(t("a", False) and t("b", True))
print(t("a", True) or t("b", True))
print(t("a", 0) or t("b", "") or t("c", "last"))
print(not t("a", []) and t("b", 5))
x = None
print(x is None or x.missing)
print(x is not None and x.missing)
print((1 and [] and 2), (0 or None), (1 or 2), ("" and 1))
