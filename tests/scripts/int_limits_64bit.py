big = 9223372036854775807
small = -9223372036854775807 - 1
print(big, small)
print(big - 1, small + 1, big + small)
print(big // 2, big % 1000, small // 2, small % 1000)
print(-big, abs(-big))
print(hex(big), oct(big), bin(big)[:10])
print(hex(small), bin(small)[:10])
print(big > 1e18, small < -1e18, float(big))
print(str(small), repr(big), len(str(small)))
print(3037000499 * 3037000499)
