# Setting or deleting attributes of builtin objects, which have no
# instance dict: a name the type has is read-only, others do not exist.
cases = [("a", "upper"), ([], "append"), ((1,), "count"), ({}, "keys"), (1, "bit_length"), (1.5, "is_integer"), (b"x", "hex"), (range(3), "count"), (None, "x"), (len, "x"), (1, "foo"), ({1}, "add"), (iter([]), "x")]
for obj, name in cases:
    for op in ("set", "del"):
        try:
            if op == "set":
                setattr(obj, name, 1)
            else:
                delattr(obj, name)
            print(op, name, "ok")
        except AttributeError as e:
            print(op, name, "AttributeError:", e)
