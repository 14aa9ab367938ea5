results = []
for s in ["1", "two", "3", "", "5"]:
    try:
        results.append(int(s))
    except ValueError as e:
        results.append(None)
        print("skip", repr(s), "-", e)
print(results)
def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return float("inf")
    finally:
        pass
print([safe_div(1, x) for x in (1, 0, 4)])
attempts = 0
while True:
    try:
        attempts += 1
        if attempts < 3:
            raise RuntimeError("try again")
        print("succeeded after", attempts)
        break
    except RuntimeError as e:
        print("attempt", attempts, "failed:", e)
