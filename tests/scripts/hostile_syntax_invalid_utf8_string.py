# A byte that cannot start a UTF-8 sequence, inside a string.
print('ok')
s = 'ÿþ'
