counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter)
def create_global():
    global created
    created = "made inside function"
create_global()
print(created)
def read_only():
    return counter * 10
print(read_only())
def nested():
    def inner():
        global counter
        counter = -1
    inner()
nested()
print(counter)
total = 0
for i in range(5):
    def add(i=i):
        global total
        total += i
    add()
print(total)
