# Recursion a million calls deep stops with RecursionError at the limit,
# and the interpreter is fine afterwards: the same depth works again, and
# an uncaught one prints a traceback and exits with status 1.
import sys


def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1


def method_chain(n):
    class Node:
        def depth(self, k):
            return self.depth(k - 1) if k else 0
    return Node().depth(n)


for attempt in range(3):
    try:
        down(10**6)
        print("not reached")
    except RecursionError as e:
        print(attempt, type(e).__name__, e)

try:
    method_chain(10**6)
except RecursionError as e:
    print("method", e)

print(down(500))
print(sys.getrecursionlimit())


def mutual_a(n):
    return mutual_b(n - 1)


def mutual_b(n):
    return mutual_a(n - 1)


down(10**6)
