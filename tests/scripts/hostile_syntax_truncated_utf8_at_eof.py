# The file ends inside a three-byte UTF-8 sequence.
print('ok')
s = 'â‚