def lookup(d, key):
    try:
        return d[key]
    except KeyError:
        raise ValueError("no such setting: " + key)

print(lookup({"a": 1}, "a"))
lookup({"a": 1}, "b")
