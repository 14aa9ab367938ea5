data = [5, -3, 0, 12, -7, 8, 0, 1]
print([n for n in data if n > 0])
print([n for n in data if n])
print(["pos" if n > 0 else "neg" if n < 0 else "zero" for n in data])
print({n: n * n for n in data if n % 2})
print([n for n in data if n > 0 and n % 2 == 0])
print([n for n in data if not n or n > 10])
words = ["Hi", "there", "OK", "python", "GO"]
print([w for w in words if w.isupper()], [w for w in words if len(w) > 2])
