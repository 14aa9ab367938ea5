# A function's __module__ is the module's __name__ when the def runs, even
# when __name__ changes between two defs (func_new remembers what it read
# from the globals only while the globals are unchanged).


def before():
    pass


__name__ = "renamed"


def after():
    pass


makers = []
for label in ["one", "two"]:
    __name__ = label

    def inner():
        pass

    makers.append(inner.__module__)
print(before.__module__, after.__module__, makers)
print((lambda: 0).__module__)
