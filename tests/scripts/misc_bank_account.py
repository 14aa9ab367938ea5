class InsufficientFunds(Exception):
    pass
class Account:
    interest = 0.02
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds("%s has only %d" % (self.owner, self.balance))
        self.balance -= amount
        self.history.append(("withdraw", amount))
    def __repr__(self):
        return "Account(%r, %d)" % (self.owner, self.balance)
class Savings(Account):
    interest = 0.05
    def add_interest(self):
        gained = round(self.balance * self.interest, 2)
        self.deposit(gained)
        return gained
acc = Account("ann", 100)
acc.deposit(50)
try:
    acc.withdraw(500)
except InsufficientFunds as e:
    print("refused:", e)
acc.withdraw(30)
print(acc, acc.history)
s = Savings("bob", 1000)
print(s.add_interest(), s, s.interest, Account.interest)
for bad in (0, -5):
    try:
        s.deposit(bad)
    except ValueError as e:
        print("ValueError:", e)
print(sorted([s, acc], key=lambda a: a.balance))
