# A line continuation with nothing after it.
x = 1 + \