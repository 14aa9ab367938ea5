# global_loop: a 10M-iteration while loop whose variables are all module
# globals (global loads/stores, int add, compare, jump).
# Checksum: the sum of 0..9999999.

i = 0
total = 0
while i < 10000000:
    total += i
    i += 1
print("global_loop", i, total)
