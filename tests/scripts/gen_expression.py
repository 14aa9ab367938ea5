squares = (x * x for x in range(5))
print(type(squares))
print(next(squares), next(squares), list(squares), list(squares))
print(sum(x for x in range(101)), max(len(w) for w in ["a", "abc", "ab"]))
print(any(x > 3 for x in [1, 5]), all(x > 0 for x in [1, -1]))
print(list(x + y for x in "ab" for y in "12"))
print(sorted((x % 4 for x in range(10)), reverse=True))
print(dict((k, k * 2) for k in range(3)), tuple(c.upper() for c in "hey"))
n = 10
gen = (i for i in range(n))
n = 3
print(list(gen))
print(", ".join(str(i) for i in range(3) if i != 1))
