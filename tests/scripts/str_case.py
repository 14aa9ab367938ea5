s = "hello WORLD, it's a fine-day 2day"
print(s.upper())
print(s.lower())
print(s.title())
print(s.capitalize())
print(s.swapcase())
print("".upper(), "123".title(), "aBc".capitalize())
