def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("caught RecursionError:", e)
def count(n):
    return 0 if n == 0 else 1 + count(n - 1)
print("interpreter still works:", count(100))
try:
    forever(0)
except RecursionError:
    print("caught it a second time")
