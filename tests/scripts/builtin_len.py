print(len(""), len("abc"), len("中文"), len([]), len([1, [2, 3]]))
print(len(()), len((1,)), len({}), len({"a": 1}), len(set()), len({1, 2}))
print(len(range(10)), len(range(0, 10, 3)), len(b"bytes"), len(b""))
print(len({"a": 1}.keys()), len({"a": 1}.items()))
for bad in (5, 2.5, None):
    try:
        len(bad)
    except TypeError as e:
        print("TypeError:", e)
class HasLen:
    def __len__(self):
        return 7
print(len(HasLen()))
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
