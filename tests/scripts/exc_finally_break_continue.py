for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
print("loop done")
i = 0
while True:
    try:
        i += 1
        if i < 3:
            continue
        break
    finally:
        print("while finally", i)
def f():
    for x in range(3):
        try:
            if x == 1:
                return "returned at " + str(x)
        finally:
            print("cleanup", x)
print(f())
for i in range(3):
    try:
        raise ValueError(i)
    except ValueError:
        if i == 1:
            break
    finally:
        print("after except", i)
