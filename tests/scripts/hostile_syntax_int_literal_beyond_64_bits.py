# sigvm-only: 64-bit ints: a literal beyond 2**63-1 is a SyntaxError
print("not reached")
x = 9223372036854775808
