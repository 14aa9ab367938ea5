print("{:d} {:5d} {:<5d}| {:05d} {:+d}".format(7, 7, 7, -7, 7))
print("{:x} {:#X} {:o} {:b} {:#b}".format(3054, 3054, 64, 5, 5))
print("{:.2f} {:10.4f}| {:e} {:.3e} {:g}".format(2 / 3, 2 / 3, 2 / 3, 12345.0, 2 / 3))
print("{:,} {:,.1f} {:%} {:.2%}".format(9876543, 9876543.21, 0.5, 1 / 3))
print("{:s} {:.3} {:>6.2}|".format("string", "string", "string"))
print("{:g} {:g} {:g} {:g}".format(1e6, 1e16, 1.5e-5, 1234567.0))
print("{} {} {}".format(1e16, 0.1, 1 / 3))
print("{:.2f} {:.2f} {:.3f}".format(0.125, 0.375, 1.0005))
print("{:d}".format(1234))
for bad in ("{:d}", "{:x}"):
    try:
        print(bad.format(1.5))
    except ValueError as e:
        print("ValueError:", e)
try:
    print("{:f}".format("s"))
except ValueError as e:
    print("ValueError:", e)
