# exceptions: raise and catch in a loop (a user exception class with an
# attribute raised two calls deep, a builtin KeyError from a dict lookup,
# try/finally, except with a tuple of classes).
# Checksum: counters of what was caught and a running total.


class AppError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


def inner(i):
    if i % 3 == 0:
        raise AppError(i % 1000)
    return i & 255


def outer(i):
    return inner(i) + 1


def main():
    d = {"a": 1}
    caught = 0
    missing = 0
    finals = 0
    total = 0
    for i in range(800000):
        try:
            total += outer(i)
        except AppError as e:
            caught += 1
            total += e.code
        try:
            try:
                total += d["b"]
            finally:
                finals += 1
        except (ValueError, KeyError):
            missing += 1
    print("exceptions", caught, missing, finals, total)


main()
