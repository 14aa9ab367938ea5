try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("second")
except KeyError as e:
    raise RuntimeError("third") from e
