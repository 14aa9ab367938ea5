n = 255
print(f"{n:d} {n:x} {n:X} {n:o} {n:b} {n:#x} {n:#o} {n:#b}")
print(f"{-n:x} {n:08b} {n:#010x}")
x = 3.14159265
print(f"{x:f} {x:.2f} {x:.0f} {x:10.3f}| {x:e} {x:.2e} {x:E}")
print(f"{x:g} {x:.3g} {1e-5:g} {1e20:g} {123456789.0:g} {0.0001:g}")
print(f"{1234567.0:.3g} {0.5:g} {100.0:g} {2.0:.10g}")
print(f"{0.25:%} {0.25:.1%} {1:.0%}")
print(f"{5:f} {5:e} {5:g} {5:%}")
print(f"{1.5:.0f} {2.5:.0f} {-0.0:f} {float('inf'):f} {float('nan'):.2f}")
print(f"{'text':s} {'text':.2s} {'text':>6.3s}|")
print(f"{12:.3f} {True:d} {False}")
