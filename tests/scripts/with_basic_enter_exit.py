class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type)
        return False
with Resource("a") as value:
    print("inside with", value)
print("after with")
with Resource("b"):
    print("no as clause")
def use():
    with Resource("c") as v:
        return "returned " + v
print(use())
for i in range(3):
    with Resource("loop" + str(i)):
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)
