class InsufficientFunds(Exception):
    def __init__(self, need, have):
        super().__init__("need %d, have %d" % (need, have))

def withdraw(balance, amount):
    if amount > balance:
        raise InsufficientFunds(amount, balance)
    return balance - amount

print(withdraw(100, 30))
withdraw(10, 30)
