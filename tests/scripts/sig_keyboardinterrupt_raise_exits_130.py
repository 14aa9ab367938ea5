# Any uncaught KeyboardInterrupt of the exact type gives status 130, even
# one raised with a message and no signal involved.
print('before')

def g():
    raise KeyboardInterrupt('stop here')

g()
