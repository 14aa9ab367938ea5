import sys
print(sys.getrecursionlimit())
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(900))
sys.setrecursionlimit(3000)
print(sys.getrecursionlimit())
print(depth(2500))
sys.setrecursionlimit(100)
print(sys.getrecursionlimit())
try:
    depth(200)
except RecursionError as e:
    print("RecursionError:", e)
print(depth(50))
sys.setrecursionlimit(1000)
for bad in (0, -5):
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print("ValueError:", e)
print(sys.getrecursionlimit())
