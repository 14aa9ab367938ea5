def make_account(balance):
    def deposit(amount):
        nonlocal balance
        balance += amount
        return balance
    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            return "insufficient"
        balance -= amount
        return balance
    def show():
        return balance
    return deposit, withdraw, show
dep, wd, show = make_account(100)
print(dep(50), wd(30), wd(500), show())
dep2, wd2, show2 = make_account(0)
print(dep2(1), show(), show2())
def gen_closures():
    items = []
    def add(x):
        items.append(x)
        return len(items)
    def view():
        return list(items)
    return add, view
add, view = gen_closures()
add("a"); add("b")
print(view())
