# A broken two-byte UTF-8 sequence in a comment: Ã(
print('ok')
