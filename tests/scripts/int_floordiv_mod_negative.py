pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3), (-6, 3), (1, 7), (-1, 7)]
for a, b in pairs:
    q, r = a // b, a % b
    print(a, b, q, r, q * b + r == a, divmod(a, b))
print(-9223372036854775807 // 2, -9223372036854775807 % 10)
print(9223372036854775807 // -1, 9223372036854775807 % -2)
for a, b in [(1, 0), (0, 0), (-5, 0)]:
    for op in ("//", "%"):
        try:
            if op == "//":
                a // b
            else:
                a % b
        except ZeroDivisionError as e:
            print(a, op, b, "->", e)
