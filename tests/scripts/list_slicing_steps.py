l = list(range(10))
print(l[2:5], l[:3], l[7:], l[-3:], l[:-7])
print(l[::2], l[1::2], l[::-1], l[::-3], l[8:2:-2])
print(l[-1:-4:-1], l[5:5], l[100:200], l[-100:2])
print(l[2:8:3], l[9:0:-4])
try:
    l[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    l[10]
except IndexError as e:
    print("IndexError:", e)
print(l[-10], l[9])
