# sigvm-only: dis prints sigvm's own bytecode; the listing below was checked by hand against runtime/opcodes.h
import dis


def add(a, b=2):
    return a + b


def countdown(n):
    while n > 0:
        n -= 1
    return n is None


def fmt(x):
    with x:
        pass
    return f"{x!r:>4}"


dis.dis(add)
print("--")
dis.dis(countdown.__code__)
print("--")
dis.dis(fmt)
try:
    dis.dis(42)
except TypeError as e:
    print("TypeError:", e)
