print(1 == 1.0, 1.0 == True, 0 == False)
print(1 < 1.5, 2 > 1.99, -1 <= -1.0)
print(1 != 1.0, 3 >= 3)
print(1 == "1", "1" == 1, None == 0)
print(10 ** 15 == 1e15, 2 ** 53 + 1 == 2.0 ** 53)
print(max(1, 2.0), min(3, 2.5), max(1, 1.0), max(1.0, 1))
for a, b in [(1, "a"), ("a", 1), (None, 1), ([1], (1,))]:
    try:
        print(a < b)
    except TypeError as e:
        print("TypeError:", e)
print([1, 2] == [1, 2], (1, 2) == [1, 2])
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
